package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.DeliveryStatus;
import java.util.EnumSet;
import java.util.Set;

/** Where one (item, version) stands in the channel's ledger. Finer than the wire's statuses. */
enum LedgerStatus {
    /** The adapter was called and has not answered: after a crash, the outcome is unknown. */
    IN_FLIGHT(DeliveryStatus.UNCONFIRMED),
    /** The outside system accepted the item and confirms later. */
    PENDING(DeliveryStatus.PENDING),
    DELIVERED(DeliveryStatus.DELIVERED),
    /** Was delivered, then a later version replaced it. */
    SUPERSEDED(DeliveryStatus.DELIVERED),
    UNCONFIRMED(DeliveryStatus.UNCONFIRMED),
    /** A transient failure: the system certainly did not take it; it is pushed again. */
    RETRYING(DeliveryStatus.RETRYING),
    FAILED(DeliveryStatus.FAILED),
    /** The adapter was asked to take the item down and has not answered. */
    RETRACTING(DeliveryStatus.UNCONFIRMED),
    RETRACTED(DeliveryStatus.RETRACTED),
    SKIPPED(DeliveryStatus.SKIPPED);

    /** Statuses whose outcome only the outside system knows: reconciled, never pushed again. */
    static final Set<LedgerStatus> AMBIGUOUS = EnumSet.of(IN_FLIGHT, PENDING, UNCONFIRMED);

    /** Statuses in which the item may be visible on the channel, so a retraction must act. */
    static final Set<LedgerStatus> POSSIBLY_LIVE =
            EnumSet.of(DELIVERED, IN_FLIGHT, PENDING, UNCONFIRMED, RETRACTING);

    private final DeliveryStatus reported;

    LedgerStatus(DeliveryStatus reported) {
        this.reported = reported;
    }

    /** The status as it goes on the wire. */
    DeliveryStatus reported() {
        return reported;
    }
}
