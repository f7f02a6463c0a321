package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.core.item.DeliverySummary;
import cn.college.disclosure.core.item.ItemView;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One badge per channel: where the item's most recent delivered-for version stands there, "not
 * targeted" for a channel the item is not meant for, "not sent yet" before the first approval.
 */
record StatusStrip(List<Badge> badges) {

    /** Statuses after which nothing changes without a person; the page stops polling. */
    private static final Set<DeliveryStatus> SETTLED =
            EnumSet.of(
                    DeliveryStatus.DELIVERED,
                    DeliveryStatus.FAILED,
                    DeliveryStatus.RETRACTED,
                    DeliveryStatus.SKIPPED);

    /**
     * @param status the delivery's status; null when there is none
     * @param targeted whether the item's latest version names the channel
     * @param warnings what the channel could not carry although it delivered, for people
     */
    record Badge(
            Channel channel,
            boolean targeted,
            @Nullable DeliveryStatus status,
            int version,
            int attempts,
            @Nullable URI externalUrl,
            @Nullable String lastError,
            @Nullable Instant updatedAt,
            List<DeliverySummary.Warning> warnings) {

        /**
         * The badge's key in the bundles and its CSS modifier; a delivery with warnings is
         * DELIVERED_WITH_WARNINGS (已发布（有提示）).
         */
        public String state() {
            if (status == DeliveryStatus.DELIVERED && !warnings.isEmpty()) {
                return "DELIVERED_WITH_WARNINGS";
            }
            return status != null ? status.name() : targeted ? "NOT_SENT" : "NOT_TARGETED";
        }
    }

    static StatusStrip of(ItemView item) {
        List<Badge> badges = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            boolean targeted = item.channels().contains(channel);
            DeliverySummary latest =
                    item.deliveries().stream()
                            .filter(delivery -> delivery.channel() == channel)
                            .findFirst()
                            .orElse(null);
            badges.add(
                    latest == null
                            ? new Badge(channel, targeted, null, 0, 0, null, null, null, List.of())
                            : new Badge(
                                    channel,
                                    targeted,
                                    latest.status(),
                                    latest.version(),
                                    latest.attempts(),
                                    latest.externalUrl(),
                                    latest.lastError(),
                                    latest.updatedAt(),
                                    latest.deliveredWithWarnings()
                                            ? latest.warnings()
                                            : List.of()));
        }
        return new StatusStrip(badges);
    }

    /** Whether a delivery is still under way, so that the page keeps asking. */
    public boolean inFlight() {
        return badges.stream()
                .anyMatch(badge -> badge.status() != null && !SETTLED.contains(badge.status()));
    }
}
