package cn.college.disclosure.channel.runtime.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.ratelimiter.configuration.CommonRateLimiterConfigurationProperties;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The per-API guards, from the registries Resilience4j's Boot starter builds from the YAML. */
@AutoConfiguration(
        after = {CircuitBreakerAutoConfiguration.class, RateLimiterAutoConfiguration.class})
@ConditionalOnBean({CircuitBreakerRegistry.class, RateLimiterRegistry.class})
class ResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProviderGuards providerGuards(
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry limiters,
            ObjectProvider<CommonCircuitBreakerConfigurationProperties> breakerYaml,
            ObjectProvider<CommonRateLimiterConfigurationProperties> limiterYaml,
            ObjectProvider<Clock> clock) {
        CommonCircuitBreakerConfigurationProperties b = breakerYaml.getIfAvailable();
        CommonRateLimiterConfigurationProperties l = limiterYaml.getIfAvailable();
        return new ProviderGuards(
                breakers,
                limiters,
                b == null
                        ? ProviderGuards.Configured.nothing()
                        : new ProviderGuards.Configured(
                                b.getInstances().keySet(), b.getConfigs().keySet()),
                l == null
                        ? ProviderGuards.Configured.nothing()
                        : new ProviderGuards.Configured(
                                l.getInstances().keySet(), l.getConfigs().keySet()),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
