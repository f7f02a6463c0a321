package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.RepairAction;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an operator's {@link DeliveryRepairRequested} aimed at this channel, deciding from
 * the ledger exactly as for a new request, so that a repair can never publish twice:
 *
 * <ul>
 *   <li>{@link RepairAction#RETRY}: a delivered version is reported again, never pushed; a failed
 *       one is pushed once more with the request the ledger kept; one whose outcome is unknown is
 *       reconciled first and pushed only if the provider certainly does not have it. A version that
 *       a newer one replaced, or that was retracted, is not pushed.
 *   <li>{@link RepairAction#RECONCILE}: asks the provider now and records the answer; never pushes
 *       (a version the provider does not have becomes FAILED, which a retry then pushes).
 *   <li>{@link RepairAction#RESOLVE_DELIVERED} / {@link RepairAction#RESOLVE_FAILED}: records a
 *       person's decision on an attempt whose outcome is unknown, with who decided and when.
 * </ul>
 *
 * Every outcome is reported, also when nothing changed, so the operator sees the channel's answer.
 * The repair is marked processed (by event id) only after its report was acknowledged.
 */
class ChannelRepairs {

    private static final Logger log = LoggerFactory.getLogger(ChannelRepairs.class);

    private final ChannelAdapter adapter;
    private final ChannelDeliveries deliveries;
    private final Deliveries ledger;
    private final DeliveryReports reports;
    private final DeliveryMetrics metrics;

    ChannelRepairs(
            ChannelAdapter adapter,
            ChannelDeliveries deliveries,
            Deliveries ledger,
            DeliveryReports reports,
            DeliveryMetrics metrics) {
        this.adapter = adapter;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.reports = reports;
        this.metrics = metrics;
    }

    void repair(DeliveryRepairRequested repair) {
        if (repair.channel() != adapter.channel()) {
            return;
        }
        if (repair.eventId() == null || repair.itemId() == null || repair.version() < 1) {
            throw new InvalidPublicationEvent(
                    "Repair without an event id, item or version: " + repair);
        }
        if (ledger.processed(repair.eventId())) {
            log.info("Repair {} was carried out before; ignoring the redelivery", repair.eventId());
            return;
        }
        UUID itemId = repair.itemId();
        int version = repair.version();
        log.info(
                "{} asked for {} of item {} version {} on {}",
                repair.requestedBy(),
                repair.action(),
                itemId,
                version,
                adapter.channel());
        Optional<LedgerEntry> found = ledger.find(itemId, version);
        if (found.isEmpty()) {
            reports.report(
                    itemId,
                    version,
                    DeliveryStatus.FAILED,
                    null,
                    0,
                    "%s refused: %s never received version %d; approve the item again"
                            .formatted(repair.action(), adapter.channel(), version));
        } else {
            LedgerEntry entry = found.get();
            switch (repair.action()) {
                case RETRY -> retry(entry, repair);
                case RECONCILE -> reconcile(entry, repair);
                case RESOLVE_DELIVERED -> resolve(entry, repair, LedgerStatus.DELIVERED);
                case RESOLVE_FAILED -> resolve(entry, repair, LedgerStatus.FAILED);
            }
        }
        ledger.markProcessed(repair.eventId(), itemId);
    }

    private void retry(LedgerEntry entry, DeliveryRepairRequested repair) {
        switch (entry.status()) {
            case DELIVERED, SUPERSEDED -> {
                log.info(
                        "Item {} version {} is already delivered on {}; reporting it again",
                        entry.itemId(),
                        entry.version(),
                        adapter.channel());
                reports.report(entry);
            }
            case RETRACTING, RETRACTED, SKIPPED ->
                    unchanged(entry, "not retried: the version is " + entry.status());
            case IN_FLIGHT, PENDING, UNCONFIRMED, RETRYING, FAILED -> {
                Optional<LedgerEntry> newer =
                        ledger.ofItem(entry.itemId()).stream()
                                .filter(other -> other.version() > entry.version())
                                .filter(other -> other.status() != LedgerStatus.SKIPPED)
                                .findFirst();
                if (newer.isPresent()) {
                    unchanged(
                            entry,
                            "not retried: version %d came after it"
                                    .formatted(newer.get().version()));
                    return;
                }
                Optional<PublicationRequested> request =
                        ledger.storedRequest(entry.itemId(), entry.version());
                if (request.isEmpty()) {
                    unchanged(
                            entry,
                            "not retried: the ledger kept no copy of the request; approve the"
                                    + " item again");
                    return;
                }
                LedgerEntry outcome =
                        LedgerStatus.AMBIGUOUS.contains(entry.status())
                                ? deliveries.reconcileThenPush(entry, request.get())
                                : deliveries.push(request.get());
                reports.report(outcome);
            }
        }
    }

    private void reconcile(LedgerEntry entry, DeliveryRepairRequested repair) {
        if (!LedgerStatus.AMBIGUOUS.contains(entry.status())) {
            unchanged(entry, "nothing to reconcile: the version is " + entry.status());
            return;
        }
        DeliveryOutcome found =
                metrics.timed("reconcile", () -> adapter.reconcile(entry.attempt()));
        log.info(
                "{} answered {} for item {} version {} (reconcile asked by {})",
                adapter.channel(),
                found,
                entry.itemId(),
                entry.version(),
                repair.requestedBy());
        if (found instanceof DeliveryOutcome.Absent) {
            ledger.transition(
                    entry,
                    LedgerStatus.FAILED,
                    null,
                    null,
                    "not found at the provider when %s asked; retry to push it again"
                            .formatted(repair.requestedBy()));
        } else if (found instanceof DeliveryOutcome.Delivered delivered) {
            ledger.transition(
                    entry,
                    LedgerStatus.DELIVERED,
                    delivered.externalUrl(),
                    delivered.externalRef(),
                    delivered.detail(),
                    delivered.warnings());
        } else if (found instanceof DeliveryOutcome.Failed failed) {
            ledger.transition(entry, LedgerStatus.FAILED, null, null, failed.reason());
        } else if (found instanceof DeliveryOutcome.Pending
                || found instanceof DeliveryOutcome.Unconfirmed) {
            deliveries.record(entry.itemId(), entry.version(), found);
        }
        reports.report(ledger.find(entry.itemId(), entry.version()).orElseThrow());
    }

    private void resolve(LedgerEntry entry, DeliveryRepairRequested repair, LedgerStatus to) {
        if (!LedgerStatus.AMBIGUOUS.contains(entry.status())) {
            unchanged(
                    entry,
                    "decision of %s not recorded: the version is already %s"
                            .formatted(repair.requestedBy(), entry.status()));
            return;
        }
        String note = repair.note() == null || repair.note().isBlank() ? "" : ": " + repair.note();
        String detail =
                "marked %s by %s%s"
                        .formatted(
                                to == LedgerStatus.DELIVERED ? "delivered" : "failed",
                                repair.requestedBy(),
                                note);
        if (!ledger.resolve(entry, to, repair.requestedBy(), detail)) {
            // the provider's answer arrived meanwhile; it wins, and is reported below
            log.info(
                    "Item {} version {} changed while {} decided; keeping the ledger's state",
                    entry.itemId(),
                    entry.version(),
                    repair.requestedBy());
        }
        reports.report(ledger.find(entry.itemId(), entry.version()).orElseThrow());
    }

    /** Reports the entry as it stands, with why the repair changed nothing. */
    private void unchanged(LedgerEntry entry, String why) {
        log.info(
                "Item {} version {} on {}: {}",
                entry.itemId(),
                entry.version(),
                adapter.channel(),
                why);
        DeliveryStatus status = entry.status().reported();
        reports.report(
                entry.itemId(),
                entry.version(),
                status,
                status == DeliveryStatus.DELIVERED ? entry.externalUrl() : null,
                entry.attempts(),
                entry.detail() == null ? why : entry.detail() + " (" + why + ")");
    }
}
