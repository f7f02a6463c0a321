package cn.college.disclosure.channel.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderGuardTests {

    private final CircuitBreaker breaker =
            CircuitBreaker.of(
                    "test",
                    CircuitBreakerConfig.custom()
                            .slidingWindowSize(4)
                            .minimumNumberOfCalls(2)
                            .failureRateThreshold(50)
                            .waitDurationInOpenState(Duration.ofSeconds(30))
                            .recordExceptions(ProviderUnavailable.class)
                            .build());
    private final RateLimiter unlimited =
            RateLimiter.of(
                    "test",
                    RateLimiterConfig.custom()
                            .limitForPeriod(1000)
                            .limitRefreshPeriod(Duration.ofSeconds(1))
                            .build());
    private final ProviderGuard guard = new ProviderGuard(breaker, unlimited, Clock.systemUTC());
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aFailureWhileTheBreakerIsClosedIsTransient() {
        assertThatThrownBy(() -> guard.call("notice", this::unavailable))
                .isInstanceOf(TransientDeliveryFailure.class)
                .hasMessageContaining("HTTP 503");
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theFailureThatOpensTheBreakerParksUntilItsWaitIsOver() {
        Instant before = Instant.now();
        assertThatThrownBy(() -> guard.call("notice", this::unavailable))
                .isInstanceOf(TransientDeliveryFailure.class);

        assertThatThrownBy(() -> guard.call("notice", this::unavailable))
                .isInstanceOfSatisfying(
                        ChannelParked.class,
                        parked ->
                                assertThat(parked.until())
                                        .isBetween(
                                                before.plusSeconds(29),
                                                Instant.now().plusSeconds(31)));
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void anOpenBreakerParksWithoutCallingTheProvider() {
        breaker.transitionToOpenState();
        int before = calls.get();

        assertThatThrownBy(() -> guard.call("notice", () -> calls.incrementAndGet()))
                .isInstanceOf(ChannelParked.class)
                .hasMessageContaining("OPEN");
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void refusalsNeverOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.call("notice", () -> 422)).isEqualTo(422);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private Object unavailable() {
        calls.incrementAndGet();
        throw new ProviderUnavailable("HTTP 503");
    }
}
