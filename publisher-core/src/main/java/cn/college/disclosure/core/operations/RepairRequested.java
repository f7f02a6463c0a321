package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.RepairAction;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operator asked a channel to repair a delivery. Published inside the transaction that recorded
 * the request, so that the outbox writes the channel's command in the same transaction.
 */
public record RepairRequested(
        UUID eventId,
        UUID itemId,
        int version,
        Channel channel,
        RepairAction action,
        String requestedBy,
        @Nullable String note,
        Instant requestedAt) {}
