package cn.college.disclosure.channel.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a channel service retries and reconciles.
 *
 * @param retry the in-process retry of a record before it goes to the dead-letter topic
 * @param reconciler the background check of attempts whose outcome is still unknown
 * @param reportTimeout how long to wait for the broker to acknowledge a delivery report before the
 *     record is handled again
 * @param parking the pause of the channel while its provider takes nothing ({@link ChannelParked})
 */
@ConfigurationProperties("channel.runtime")
public record ChannelRuntimeProperties(
        @DefaultValue Retry retry,
        @DefaultValue Reconciler reconciler,
        @DefaultValue("10s") Duration reportTimeout,
        @DefaultValue Parking parking) {

    /**
     * Exponential backoff between deliveries of one failing record; the partition waits meanwhile,
     * which keeps per-item order.
     *
     * @param initialInterval the wait before the second attempt
     * @param multiplier how much each wait grows
     * @param maxInterval the longest wait
     * @param maxAttempts how many times a record is handled in all, the first time included
     */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue("6") int maxAttempts) {}

    /**
     * The scheduled check of attempts left in flight, unconfirmed or pending.
     *
     * @param enabled whether it runs
     * @param interval how often it looks
     * @param staleAfter how old an attempt must be before it is reconciled
     */
    public record Reconciler(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") Duration interval,
            @DefaultValue("5m") Duration staleAfter) {}

    /**
     * The pause of a parked channel.
     *
     * @param checkInterval how often a parked channel checks the clock for its resume time
     */
    public record Parking(@DefaultValue("1s") Duration checkInterval) {}
}
