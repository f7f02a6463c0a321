package cn.college.disclosure.contract;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel service's health, sent on {@link Topics#CHANNEL_STATUS} when it changes and every few
 * seconds, keyed by {@link #key()}. A channel that stops sending is down; the topic is compacted,
 * so the latest report of every instance survives. Not about an item, so not a {@link
 * PublicationEvent}.
 *
 * @param instance which process of the channel's service sent it (host and process id)
 * @param up whether the service's listener is running; false in the last report before it stops
 * @param paused whether the listener is paused because the provider takes nothing (quota spent,
 *     circuit breaker open)
 * @param pausedReason why, as the adapter gave it
 * @param resumesAt when a paused channel resumes by itself
 * @param circuitBreaker the state of the provider's circuit breaker ({@code CLOSED}, {@code OPEN},
 *     {@code HALF_OPEN}, ...), absent when the channel has none
 * @param lastSuccessAt when the channel last recorded a delivery
 */
public record ChannelStatusReported(
        UUID eventId,
        Channel channel,
        String instance,
        Instant occurredAt,
        boolean up,
        boolean paused,
        @Nullable String pausedReason,
        @Nullable Instant resumesAt,
        @Nullable String circuitBreaker,
        @Nullable Instant lastSuccessAt) {

    /**
     * The record key: one compacted slot per channel and instance, e.g. {@code WEBSITE/host-42}.
     */
    public String key() {
        return key(channel, instance);
    }

    public static String key(Channel channel, String instance) {
        return channel.name() + "/" + instance;
    }
}
