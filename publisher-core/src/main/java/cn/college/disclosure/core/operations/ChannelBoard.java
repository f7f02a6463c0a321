package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an operator watches: one card per channel, and the deliveries that need a person. */
public interface ChannelBoard {

    /** One card per channel, all four always present, in {@link Channel} order. */
    List<ChannelCard> cards();

    /**
     * FAILED and UNCONFIRMED deliveries and dead-lettered records, newest first, each linked to its
     * item.
     */
    List<FailedDelivery> failures(int limit);

    /**
     * A channel's state as the operator sees it.
     *
     * @param connected whether the channel's service has ever reported its status
     * @param up whether it reported within the staleness window (a channel that stops reporting is
     *     down)
     * @param lastSeen when it last reported
     * @param counts deliveries by status
     * @param deliveredWithWarnings of the DELIVERED ones, those the channel delivered with warnings
     *     (something it could not carry: 已发布（有提示）)
     * @param lastSuccess the latest DELIVERED
     * @param consumerLag records the channel's consumer group has yet to read, from Kafka's
     *     AdminClient; null when unknown
     * @param circuitBreaker the provider circuit breaker's state (CLOSED, OPEN, HALF_OPEN), null
     *     when the channel has none
     * @param pausedReason why the channel's listener is paused or quota-parked, null when running
     * @param resumesAt when a paused channel resumes by itself
     */
    record ChannelCard(
            Channel channel,
            boolean connected,
            boolean up,
            @Nullable Instant lastSeen,
            Map<DeliveryStatus, Long> counts,
            long deliveredWithWarnings,
            @Nullable Instant lastSuccess,
            @Nullable Long consumerLag,
            @Nullable String circuitBreaker,
            @Nullable String pausedReason,
            @Nullable Instant resumesAt) {}

    /**
     * A delivery that needs a person.
     *
     * @param source {@code LEDGER} for a FAILED/UNCONFIRMED delivery, {@code DEAD_LETTER} for a
     *     record on a dead-letter topic
     * @param deadLetterId the dead-lettered record's id (topic-partition-offset), for a retry
     */
    record FailedDelivery(
            UUID itemId,
            @Nullable String title,
            int version,
            Channel channel,
            DeliveryStatus status,
            @Nullable String reason,
            Instant at,
            String source,
            @Nullable String deadLetterId,
            @Nullable URI externalUrl) {}
}
