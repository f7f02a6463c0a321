package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where one version of an item stands on one channel, as shown with the item. */
public record DeliverySummary(
        Channel channel,
        int version,
        DeliveryStatus status,
        int attempts,
        @Nullable URI externalUrl,
        @Nullable String lastError,
        Instant updatedAt) {}
