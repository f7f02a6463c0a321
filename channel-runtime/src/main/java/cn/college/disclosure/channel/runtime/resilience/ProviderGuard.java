package cn.college.disclosure.channel.runtime.resilience;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.ProviderHealth;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to one external API goes through here: its rate limiter, then its circuit breaker. The
 * channel never stacks retries (STYLE 13): there is no Resilience4j retry, the runtime's error
 * handler is the one retry layer. What the guard adds is the pause:
 *
 * <ul>
 *   <li>while the breaker is open, or a failure has just opened it, the call ends in {@link
 *       ChannelParked} until the breaker's wait in the open state is over. The runtime pauses the
 *       listener without spending a retry and then handles the same record again: that call is the
 *       half-open probe. If it fails the breaker opens again and the channel parks again; if it
 *       succeeds the breaker closes and the backlog flows, each record once;
 *   <li>a {@link ProviderUnavailable} that leaves the breaker closed is a {@link
 *       TransientDeliveryFailure}: the runtime's backoff retries it;
 *   <li>no permit from the rate limiter within its timeout parks the channel for one refresh period
 *       (nothing was sent).
 * </ul>
 */
public final class ProviderGuard implements ProviderHealth {

    private static final Logger log = LoggerFactory.getLogger(ProviderGuard.class);
    private static final Duration LEAST_PAUSE = Duration.ofMillis(100);

    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Clock clock;
    private final AtomicReference<Instant> openedAt;

    public ProviderGuard(CircuitBreaker breaker, RateLimiter limiter, Clock clock) {
        this.breaker = breaker;
        this.limiter = limiter;
        this.clock = clock;
        this.openedAt = new AtomicReference<>(clock.instant());
        breaker.getEventPublisher()
                .onStateTransition(
                        event -> {
                            if (event.getStateTransition().getToState()
                                    == CircuitBreaker.State.OPEN) {
                                openedAt.set(clock.instant());
                            }
                            log.warn(
                                    "Circuit breaker {}: {}",
                                    breaker.getName(),
                                    event.getStateTransition());
                        });
    }

    /** The breaker's state, for the channel's status reports and the operator board. */
    @Override
    public String circuitBreaker() {
        return breaker.getState().name();
    }

    /** The external API's name: the Resilience4j instance name. */
    public String name() {
        return breaker.getName();
    }

    /**
     * Runs the call under the rate limiter and the circuit breaker.
     *
     * @throws ChannelParked while the provider is considered down or the rate is spent
     * @throws TransientDeliveryFailure when the provider did not take the call and the breaker is
     *     still closed
     */
    public <T> T call(String what, Supplier<T> call) {
        if (!limiter.acquirePermission()) {
            throw new ChannelParked(
                    clock.instant().plus(limiter.getRateLimiterConfig().getLimitRefreshPeriod()),
                    "%s: rate limit of %d calls per %s reached before %s"
                            .formatted(
                                    name(),
                                    limiter.getRateLimiterConfig().getLimitForPeriod(),
                                    limiter.getRateLimiterConfig().getLimitRefreshPeriod(),
                                    what));
        }
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw parked(
                    "circuit breaker %s is %s; %s not sent"
                            .formatted(name(), breaker.getState(), what));
        } catch (ProviderUnavailable e) {
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                throw parked(
                        "circuit breaker %s opened: %s failed: %s"
                                .formatted(name(), what, e.getMessage()));
            }
            throw new TransientDeliveryFailure(what + " failed: " + e.getMessage(), e);
        }
    }

    /** The breaker's state, for operators and tests. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    private ChannelParked parked(String reason) {
        Duration wait =
                Duration.ofMillis(
                        breaker.getCircuitBreakerConfig()
                                .getWaitIntervalFunctionInOpenState()
                                .apply(1));
        Instant now = clock.instant();
        Instant until = openedAt.get().plus(wait);
        if (until.isBefore(now.plus(LEAST_PAUSE))) {
            until = now.plus(LEAST_PAUSE);
        }
        return new ChannelParked(until, reason);
    }
}
