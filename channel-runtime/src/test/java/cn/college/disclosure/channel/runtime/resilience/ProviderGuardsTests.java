package cn.college.disclosure.channel.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderGuardsTests {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    @Test
    void givesEachApiOneGuardForTheLifeOfTheService() {
        ProviderGuards guards = guards(ProviderGuards.Configured.nothing());

        assertThat(guards.guard("huidu-gate")).isSameAs(guards.guard("huidu-gate"));
        assertThat(guards.guard("huidu-gate")).isNotSameAs(guards.guard("huidu-library"));
        assertThat(guards.guard("campus-platform").name()).isEqualTo("campus-platform");
    }

    @Test
    void anApiTheYamlDoesNotNameRecordsOnlyProviderFailures() {
        ProviderGuards guards = guards(ProviderGuards.Configured.nothing());
        guards.guard("wecom");

        CircuitBreakerConfig config = breakers.circuitBreaker("wecom").getCircuitBreakerConfig();
        assertThat(config.getRecordExceptionPredicate().test(new ProviderUnavailable("503")))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new IllegalArgumentException("4xx")))
                .as("Resilience4j's own default records every exception, refusals included")
                .isFalse();
        assertThat(config.getRecordExceptionPredicate().test(new java.io.IOException("reset")))
                .isTrue();
    }

    @Test
    void anApiTheYamlNamesTakesItsConfiguration() {
        CircuitBreakerConfig yaml =
                CircuitBreakerConfig.custom()
                        .waitDurationInOpenState(Duration.ofMinutes(7))
                        .recordExceptions(ProviderUnavailable.class)
                        .build();
        breakers.addConfiguration("campus-platform-config", yaml);
        breakers.circuitBreaker("campus-platform", "campus-platform-config");
        ProviderGuards guards =
                guards(new ProviderGuards.Configured(Set.of("campus-platform"), Set.of()));

        guards.guard("campus-platform");

        assertThat(
                        breakers.circuitBreaker("campus-platform")
                                .getCircuitBreakerConfig()
                                .getWaitIntervalFunctionInOpenState()
                                .apply(1))
                .isEqualTo(Duration.ofMinutes(7).toMillis());
    }

    private ProviderGuards guards(ProviderGuards.Configured breakerYaml) {
        return new ProviderGuards(
                breakers,
                limiters,
                breakerYaml,
                ProviderGuards.Configured.nothing(),
                Clock.systemUTC());
    }
}
