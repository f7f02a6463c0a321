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
 * @param owedReports the re-sending of reports the broker never acknowledged
 * @param scheduling the channel's scheduled jobs and their lock
 */
@ConfigurationProperties("channel.runtime")
public record ChannelRuntimeProperties(
        @DefaultValue Retry retry,
        @DefaultValue Reconciler reconciler,
        @DefaultValue("10s") Duration reportTimeout,
        @DefaultValue Parking parking,
        @DefaultValue OwedReports owedReports,
        @DefaultValue Scheduling scheduling) {

    /**
     * How long a delivery the provider did not take (unreachable, 5xx, timeout before sending,
     * busy, quota) is tried again before it ends FAILED: tries with exponential backoff and jitter,
     * then one try every {@code then-every}, until {@code horizon} after the first failure of the
     * (item, version), which the ledger keeps ({@code retrying_since}) so that a restart does not
     * reset it. The partition is paused between tries, not the consumer thread put to sleep; an
     * open circuit breaker parks the whole listener instead and spends no try. The defaults are
     * Knock's: 8 tries over about half an hour, then hourly up to a day.
     *
     * @param initialInterval the wait before the second try
     * @param multiplier how much each wait of the first tries grows
     * @param maxInterval the longest wait of the first tries
     * @param jitter the randomness added to each wait (scaled with it), so that many deliveries
     *     failing together do not come back together
     * @param maxAttempts how many tries the exponential phase has, the first one included
     * @param thenEvery the wait between the tries after the exponential phase
     * @param horizon how long after the first failure the delivery ends FAILED ("the retry horizon
     *     ran out") and the record goes to the dead-letter topic
     */
    public record Retry(
            @DefaultValue("15s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("16m") Duration maxInterval,
            @DefaultValue("5s") Duration jitter,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1h") Duration thenEvery,
            @DefaultValue("24h") Duration horizon) {}

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

    /**
     * The scheduled re-sending of reports a ledger change still owes the core (the broker was away
     * when the change was made).
     *
     * @param interval how often it looks
     * @param after how long a change's own report may take before the job sends it again
     */
    public record OwedReports(
            @DefaultValue("15s") Duration interval, @DefaultValue("30s") Duration after) {}

    /**
     * The scheduled jobs that only one instance of the channel may run at a time (ShedLock, JDBC).
     *
     * @param lockAtMostFor how long a lock outlives an instance that died holding it (also the
     *     pause of a locked job after a kill -9 and restart of a single instance); a pass that
     *     takes longer may overlap another instance's, which the jobs tolerate (compare-and-set)
     * @param lockAtLeastFor how long a lock is held at least, so that instances with skewed clocks
     *     do not run the same pass twice
     */
    public record Scheduling(
            @DefaultValue("1m") Duration lockAtMostFor,
            @DefaultValue("0s") Duration lockAtLeastFor) {}
}
