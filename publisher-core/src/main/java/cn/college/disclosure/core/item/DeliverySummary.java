package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one version of an item stands on one channel, as shown with the item.
 *
 * @param warnings what the channel could not carry although it delivered, for people (a DELIVERED
 *     delivery with warnings is shown as 已发布（有提示）)
 */
public record DeliverySummary(
        Channel channel,
        int version,
        DeliveryStatus status,
        int attempts,
        @Nullable URI externalUrl,
        @Nullable String lastError,
        Instant updatedAt,
        List<Warning> warnings) {

    public DeliverySummary {
        warnings = List.copyOf(warnings);
    }

    /**
     * One thing the channel could not carry.
     *
     * @param code the contract's {@code DeliveryWarning} code, e.g. {@code image-too-large}
     * @param subject what it happened to, e.g. the image's address
     * @param message the warning for people, in the request's language (Chinese by default)
     */
    public record Warning(String code, @Nullable String subject, String message) {}

    /** Whether the channel delivered and left something out. */
    public boolean deliveredWithWarnings() {
        return status == DeliveryStatus.DELIVERED && !warnings.isEmpty();
    }
}
