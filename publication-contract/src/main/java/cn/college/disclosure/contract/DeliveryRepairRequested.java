package cn.college.disclosure.contract;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operator asks one channel to repair one delivery. It travels on {@link Topics#PUBLICATIONS},
 * keyed by the item id, so that it is handled in order with the item's requests and retractions;
 * every channel other than {@link #channel()} ignores it. The channel decides from its ledger, so a
 * repair can never publish an item twice.
 *
 * @param channel the channel that is to act
 * @param action what the operator asked for
 * @param requestedBy the operator (user name)
 * @param note why, as the operator gave it; kept with a {@link RepairAction#RESOLVE_DELIVERED} or
 *     {@link RepairAction#RESOLVE_FAILED} decision
 */
public record DeliveryRepairRequested(
        UUID eventId,
        UUID itemId,
        int version,
        Instant occurredAt,
        Channel channel,
        RepairAction action,
        String requestedBy,
        @Nullable String note)
        implements PublicationEvent {}
