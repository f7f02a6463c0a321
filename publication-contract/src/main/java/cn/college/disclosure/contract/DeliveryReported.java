package cn.college.disclosure.contract;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel reports where one version of an item stands on it. Reports for the same (item, version,
 * channel) supersede each other in {@link #occurredAt()} order.
 *
 * @param channel the reporting channel
 * @param status the delivery's status
 * @param externalUrl where the item can be seen on the channel, once delivered
 * @param attempt how many times the channel has tried the outside world for this version
 * @param detail a reason for people, e.g. the provider's error code and message
 * @param warnings what the channel could not carry although it delivered (never null; absent on the
 *     wire means none)
 */
public record DeliveryReported(
        UUID eventId,
        UUID itemId,
        int version,
        Instant occurredAt,
        Channel channel,
        DeliveryStatus status,
        @Nullable URI externalUrl,
        int attempt,
        @Nullable String detail,
        @Nullable List<DeliveryWarning> warnings)
        implements PublicationEvent {

    public DeliveryReported {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A report without warnings. */
    public DeliveryReported(
            UUID eventId,
            UUID itemId,
            int version,
            Instant occurredAt,
            Channel channel,
            DeliveryStatus status,
            @Nullable URI externalUrl,
            int attempt,
            @Nullable String detail) {
        this(
                eventId,
                itemId,
                version,
                occurredAt,
                channel,
                status,
                externalUrl,
                attempt,
                detail,
                null);
    }
}
