package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person decided the outcome of a delivery whose outcome was unknown ({@code outcome} is
 * DELIVERED or FAILED). Published inside the transaction that records the decision.
 */
public record DeliveryDecided(
        UUID itemId,
        int version,
        Channel channel,
        DeliveryStatus outcome,
        String decidedBy,
        @Nullable String note,
        Instant decidedAt) {}
