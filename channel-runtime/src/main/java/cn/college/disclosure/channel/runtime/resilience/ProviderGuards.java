package cn.college.disclosure.channel.runtime.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ProviderGuard} per external API (STYLE 15), made from Boot's Resilience4j registries
 * and kept for the life of the service. The API's name is the Resilience4j instance name, so {@code
 * resilience4j.circuitbreaker.instances.<name>} and {@code
 * resilience4j.ratelimiter.instances.<name>} configure it. An API the service's YAML does not name
 * gets the YAML's {@code configs.default} if it has one, and otherwise the runtime's defaults
 * ({@link #FALLBACK_BREAKER}, {@link #FALLBACK_LIMITER}), never Resilience4j's own default, which
 * would record every exception (refusals included) as a provider failure.
 */
public class ProviderGuards {

    /** The name of the shared Resilience4j configuration ({@code configs.default}). */
    static final String DEFAULT_CONFIG = "default";

    /**
     * 5xx, I/O and timeouts (all {@link ProviderUnavailable} or {@link IOException}) are recorded;
     * any other exception (a refusal, a bug) is ignored; four calls decide, half of them failing
     * opens the breaker for 30 s, after which one call is the probe.
     */
    static final CircuitBreakerConfig FALLBACK_BREAKER =
            CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .slowCallDurationThreshold(Duration.ofSeconds(10))
                    .waitDurationInOpenState(Duration.ofSeconds(30))
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .automaticTransitionFromOpenToHalfOpenEnabled(false)
                    .recordExceptions(ProviderUnavailable.class, IOException.class)
                    .build();

    /** Ten calls a second, waiting up to 5 s for a permit before parking. */
    static final RateLimiterConfig FALLBACK_LIMITER =
            RateLimiterConfig.custom()
                    .limitForPeriod(10)
                    .limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(Duration.ofSeconds(5))
                    .build();

    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final Configured breakerYaml;
    private final Configured limiterYaml;
    private final Clock clock;
    private final Map<String, ProviderGuard> guards = new ConcurrentHashMap<>();

    /**
     * What the service's YAML declares.
     *
     * @param instances the names under {@code instances}
     * @param configs the names under {@code configs}
     */
    public record Configured(Set<String> instances, Set<String> configs) {

        public Configured {
            instances = Set.copyOf(instances);
            configs = Set.copyOf(configs);
        }

        /** Nothing declared: every guard gets the runtime's defaults. */
        public static Configured nothing() {
            return new Configured(Set.of(), Set.of());
        }
    }

    public ProviderGuards(
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry limiters,
            Configured breakerYaml,
            Configured limiterYaml,
            Clock clock) {
        this.breakers = breakers;
        this.limiters = limiters;
        this.breakerYaml = breakerYaml;
        this.limiterYaml = limiterYaml;
        this.clock = clock;
    }

    /** The guard of the external API {@code apiName}, the same one on every call. */
    public ProviderGuard guard(String apiName) {
        return guards.computeIfAbsent(
                apiName, name -> new ProviderGuard(breaker(name), limiter(name), clock));
    }

    private CircuitBreaker breaker(String name) {
        if (breakerYaml.instances().contains(name)) {
            return breakers.circuitBreaker(name);
        }
        if (breakerYaml.configs().contains(DEFAULT_CONFIG)) {
            return breakers.circuitBreaker(name, DEFAULT_CONFIG);
        }
        return breakers.circuitBreaker(name, FALLBACK_BREAKER);
    }

    private RateLimiter limiter(String name) {
        if (limiterYaml.instances().contains(name)) {
            return limiters.rateLimiter(name);
        }
        if (limiterYaml.configs().contains(DEFAULT_CONFIG)) {
            return limiters.rateLimiter(name, DEFAULT_CONFIG);
        }
        return limiters.rateLimiter(name, FALLBACK_LIMITER);
    }
}
