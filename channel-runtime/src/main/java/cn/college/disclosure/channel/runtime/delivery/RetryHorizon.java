package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The retry schedule of one failing delivery ({@code channel.runtime.retry}): Spring's {@link
 * ExponentialBackOff} with jitter for the first {@code max-attempts} tries, then one try every
 * {@code then-every}, and no try after {@code horizon} from the start of the failure run, which the
 * ledger keeps. The last wait is cut so that the last try falls on the horizon.
 */
final class RetryHorizon implements BackOff {

    private final ChannelRuntimeProperties.Retry settings;
    private final Instant since;
    private final Clock clock;

    RetryHorizon(ChannelRuntimeProperties.Retry settings, Instant since, Clock clock) {
        this.settings = settings;
        this.since = since;
        this.clock = clock;
    }

    /** When the failure run began. */
    Instant since() {
        return since;
    }

    /** When the last try is due; after it the delivery ends FAILED. */
    Instant end() {
        return since.plus(settings.horizon());
    }

    /** Whether the horizon has run out by now. */
    boolean ranOut() {
        return !clock.instant().isBefore(end());
    }

    @Override
    public BackOffExecution start() {
        ExponentialBackOff exponential =
                new ExponentialBackOff(
                        settings.initialInterval().toMillis(), settings.multiplier());
        exponential.setMaxInterval(settings.maxInterval().toMillis());
        exponential.setJitter(settings.jitter().toMillis());
        exponential.setMaxAttempts(Math.max(0, settings.maxAttempts() - 1));
        BackOffExecution first = exponential.start();
        return () -> {
            long left = Duration.between(clock.instant(), end()).toMillis();
            if (left <= 0) {
                return BackOffExecution.STOP;
            }
            long next = first.nextBackOff();
            if (next == BackOffExecution.STOP) {
                next = settings.thenEvery().toMillis();
            }
            return Math.min(next, left);
        };
    }
}
