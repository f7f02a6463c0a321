package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's one application service: decides from the ledger whether to push, reconcile or just
 * re-report, calls the adapter, records and reports the outcome.
 *
 * <p>The rules that keep a push at most once per (item, version): an event already processed is
 * ignored; a version already delivered is re-reported, not pushed; an attempt whose outcome is
 * unknown (in flight when the service stopped, unconfirmed, pending) is reconciled with the outside
 * system and pushed again only if the system certainly does not have it. The event is marked
 * processed only after its report was acknowledged, so a lost report is re-sent from the ledger.
 *
 * <p>Every change of the ledger owes the core a report until the broker acknowledged one of the
 * entry's state ({@link DeliveryReports}, {@link OwedReports}): a report lost with the broker, also
 * of an outcome that arrived outside the listener, is sent again.
 */
class ChannelDeliveries implements AsynchronousOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ChannelDeliveries.class);

    private final ChannelAdapter adapter;
    private final Deliveries ledger;
    private final DeliveryReports reports;
    private final DeliveryMetrics metrics;

    ChannelDeliveries(
            ChannelAdapter adapter,
            Deliveries ledger,
            DeliveryReports reports,
            DeliveryMetrics metrics) {
        this.adapter = adapter;
        this.ledger = ledger;
        this.reports = reports;
        this.metrics = metrics;
    }

    Channel channel() {
        return adapter.channel();
    }

    void deliver(PublicationRequested request) {
        requireEnvelope(request);
        if (alreadyProcessed(request)) {
            return;
        }
        UUID itemId = request.itemId();
        int version = request.version();
        if (!request.targets(channel())) {
            reports.report(
                    ledger.recordSkipped(
                            itemId,
                            version,
                            key(itemId, version),
                            request.eventId(),
                            "not targeted at " + channel()));
            ledger.markProcessed(request.eventId(), itemId);
            return;
        }
        LedgerEntry outcome =
                ledger.find(itemId, version)
                        .map(entry -> continueFrom(entry, request))
                        .orElseGet(() -> push(request));
        reports.report(outcome);
        ledger.markProcessed(request.eventId(), itemId);
    }

    private LedgerEntry continueFrom(LedgerEntry entry, PublicationRequested request) {
        return switch (entry.status()) {
            case DELIVERED, SUPERSEDED -> {
                log.info(
                        "Item {} version {} is already delivered on {}; reporting it again",
                        entry.itemId(),
                        entry.version(),
                        channel());
                yield entry;
            }
            case IN_FLIGHT, PENDING, UNCONFIRMED -> reconcileThenPush(entry, request);
            case RETRYING, FAILED, RETRACTING, RETRACTED, SKIPPED -> push(request);
        };
    }

    LedgerEntry reconcileThenPush(LedgerEntry entry, PublicationRequested request) {
        log.info(
                "Item {} version {} was left {} on {}; asking the provider before pushing",
                entry.itemId(),
                entry.version(),
                entry.status(),
                channel());
        DeliveryOutcome found;
        try {
            found = metrics.timed("reconcile", () -> adapter.reconcile(entry.attempt()));
        } catch (ChannelParked e) {
            // an outage, not an answer: the entry stays as it is (its outcome is still unknown)
            // and the record waits for the resume
            ledger.outageBegan(entry.itemId(), entry.version());
            reportWhilePausing(entry, e);
            throw e;
        } catch (TransientDeliveryFailure | ProviderUnavailable e) {
            // the provider could not be asked: retried like a push it did not take, never pushed
            // blindly, and never counted as the provider's answer
            ledger.outageBegan(entry.itemId(), entry.version());
            throw e instanceof TransientDeliveryFailure transientFailure
                    ? transientFailure
                    : new TransientDeliveryFailure(
                            "could not ask " + channel() + ": " + e.getMessage(), e);
        }
        if (found instanceof DeliveryOutcome.Absent) {
            return push(request);
        }
        if (found instanceof DeliveryOutcome.Delivered
                || found instanceof DeliveryOutcome.Pending
                || found instanceof DeliveryOutcome.Failed) {
            return record(entry.itemId(), entry.version(), found);
        }
        return unconfirmed(entry, describe(found));
    }

    private LedgerEntry unconfirmed(LedgerEntry entry, String detail) {
        return ledger.record(
                entry.itemId(), entry.version(), LedgerStatus.UNCONFIRMED, null, detail);
    }

    LedgerEntry push(PublicationRequested request) {
        UUID itemId = request.itemId();
        int version = request.version();
        LedgerEntry started =
                ledger.startAttempt(
                        itemId,
                        version,
                        LedgerStatus.IN_FLIGHT,
                        key(itemId, version),
                        request.eventId());
        ledger.keepRequest(request);
        DeliveryContext context =
                new DeliveryContext(
                        started.attempts(),
                        started.idempotencyKey(),
                        ledger.deliveredOtherThan(itemId, version).orElse(null));
        log.info(
                "Publishing item {} version {} on {}: attempt {} recorded, idempotency key {}{}",
                itemId,
                version,
                channel(),
                started.attempts(),
                started.idempotencyKey(),
                context.replacing() == null
                        ? ""
                        : ", replacing version " + context.replacing().version());
        DeliveryOutcome outcome;
        try {
            outcome = metrics.timed("publish", () -> adapter.publish(request, context));
        } catch (TransientDeliveryFailure e) {
            // the provider certainly did not take it: the retry may push again
            ledger.record(itemId, version, LedgerStatus.RETRYING, null, e.getMessage());
            throw e;
        } catch (ProviderUnavailable e) {
            // an adapter that calls without a guard: the same, as far as the runtime knows
            ledger.record(itemId, version, LedgerStatus.RETRYING, null, e.getMessage());
            throw new TransientDeliveryFailure(e.getMessage(), e);
        } catch (ChannelParked e) {
            // the provider took nothing and takes nothing until e.until(): say so, then wait
            LedgerEntry retrying =
                    ledger.record(itemId, version, LedgerStatus.RETRYING, null, e.getMessage());
            reportWhilePausing(retrying, e);
            throw e;
        }
        // any other exception leaves the attempt IN_FLIGHT: the retry reconciles first
        log.info("{} answered {} for item {} version {}", channel(), outcome, itemId, version);
        if (outcome instanceof DeliveryOutcome.Absent
                || outcome instanceof DeliveryOutcome.Retracted) {
            return ledger.record(
                    itemId,
                    version,
                    LedgerStatus.UNCONFIRMED,
                    null,
                    "the adapter answered " + outcome + " to a publish");
        }
        return record(itemId, version, outcome);
    }

    /**
     * Reports RETRYING with the pause's reason and resume time; a report the broker does not take
     * stays owed, and the pause goes ahead.
     */
    private void reportWhilePausing(LedgerEntry entry, ChannelParked parked) {
        try {
            reports.report(entry, DeliveryStatus.RETRYING, parked.getMessage());
        } catch (DeliveryReports.ReportNotSent e) {
            log.warn("{}; pausing regardless", e.getMessage());
        }
    }

    /** Records a delivered, failed, pending or unconfirmed outcome. */
    LedgerEntry record(UUID itemId, int version, DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            return ledger.recordDelivered(
                    itemId,
                    version,
                    delivered.externalUrl(),
                    delivered.externalRef(),
                    delivered.detail(),
                    delivered.warnings());
        }
        if (outcome instanceof DeliveryOutcome.Pending pending) {
            return ledger.recordPending(itemId, version, pending.externalRef(), pending.detail());
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return ledger.record(itemId, version, LedgerStatus.FAILED, null, failed.reason());
        }
        return ledger.record(itemId, version, LedgerStatus.UNCONFIRMED, null, describe(outcome));
    }

    private static String describe(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Unconfirmed unconfirmed) {
            return unconfirmed.detail();
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return failed.reason();
        }
        return outcome.toString();
    }

    void retract(PublicationRetracted retraction) {
        requireEnvelope(retraction);
        if (alreadyProcessed(retraction)) {
            return;
        }
        UUID itemId = retraction.itemId();
        int version = retraction.version();
        List<LedgerEntry> entries = ledger.ofItem(itemId);
        if (entries.stream().allMatch(entry -> entry.status() == LedgerStatus.SKIPPED)) {
            reports.report(
                    ledger.recordSkipped(
                            itemId,
                            version,
                            key(itemId, version),
                            retraction.eventId(),
                            "nothing of this item was ever sent to " + channel()));
            ledger.markProcessed(retraction.eventId(), itemId);
            return;
        }
        Optional<LedgerEntry> live =
                entries.stream()
                        .filter(entry -> LedgerStatus.POSSIBLY_LIVE.contains(entry.status()))
                        .findFirst();
        if (live.isEmpty()) {
            reports.report(
                    ledger.recordRetracted(
                            itemId,
                            version,
                            key(itemId, version),
                            retraction.eventId(),
                            "nothing was live on " + channel()));
            ledger.markProcessed(retraction.eventId(), itemId);
            return;
        }
        LedgerEntry shown = live.get();
        LedgerStatus before =
                shown.status() == LedgerStatus.RETRACTING ? LedgerStatus.DELIVERED : shown.status();
        LedgerEntry started =
                ledger.startAttempt(
                        itemId,
                        shown.version(),
                        LedgerStatus.RETRACTING,
                        shown.idempotencyKey(),
                        retraction.eventId());
        DeliveryContext context =
                new DeliveryContext(
                        started.attempts(),
                        started.idempotencyKey(),
                        new DeliveredVersion(
                                shown.version(), shown.externalUrl(), shown.externalRef()));
        DeliveryOutcome outcome;
        try {
            outcome = metrics.timed("retract", () -> adapter.retract(retraction, context));
        } catch (TransientDeliveryFailure | ChannelParked e) {
            ledger.record(itemId, shown.version(), before, null, e.getMessage());
            ledger.outageBegan(itemId, shown.version());
            throw e;
        } catch (ProviderUnavailable e) {
            ledger.record(itemId, shown.version(), before, null, e.getMessage());
            ledger.outageBegan(itemId, shown.version());
            throw new TransientDeliveryFailure(e.getMessage(), e);
        }
        if (outcome instanceof DeliveryOutcome.Retracted
                || outcome instanceof DeliveryOutcome.Absent) {
            String detail =
                    outcome instanceof DeliveryOutcome.Retracted retracted
                                    && retracted.detail() != null
                            ? retracted.detail()
                            : retraction.reason();
            reports.report(
                    ledger.recordRetracted(
                            itemId, version, key(itemId, version), retraction.eventId(), detail));
        } else if (outcome instanceof DeliveryOutcome.Failed failed) {
            String detail = "retraction refused: " + failed.reason();
            reports.report(
                    ledger.record(itemId, shown.version(), before, null, detail),
                    DeliveryStatus.FAILED,
                    detail);
        } else {
            reports.report(
                    itemId,
                    version,
                    DeliveryStatus.UNCONFIRMED,
                    null,
                    started.attempts(),
                    "retraction outcome unknown: " + describe(outcome));
        }
        ledger.markProcessed(retraction.eventId(), itemId);
    }

    /**
     * A retry is coming: reports RETRYING with the ledger's attempt count and the reason. The
     * ledger already holds the attempt (RETRYING or IN_FLIGHT) from {@link #deliver}.
     */
    void retrying(PublicationEvent event, String detail) {
        Optional<LedgerEntry> entry = ledger.find(event.itemId(), event.version());
        if (entry.isPresent() && entry.get().status() == LedgerStatus.RETRYING) {
            reports.report(entry.get(), DeliveryStatus.RETRYING, detail);
            return;
        }
        reports.report(
                event.itemId(),
                event.version(),
                DeliveryStatus.RETRYING,
                null,
                entry.map(LedgerEntry::attempts).orElse(0),
                detail);
    }

    /**
     * The record is going to the dead-letter topic (its failure cannot be retried, or the retry
     * horizon ran out): records and reports FAILED, or UNCONFIRMED if the last attempt's outcome is
     * unknown. The event is not marked processed, so replaying it from the dead-letter topic tries
     * again.
     */
    void giveUp(PublicationEvent event, String reason) {
        if (!hasEnvelope(event)) {
            return;
        }
        Optional<LedgerEntry> entry = ledger.find(event.itemId(), event.version());
        if (entry.isPresent() && entry.get().status().reported().isFinal()
                || entry.isPresent() && entry.get().status() == LedgerStatus.PENDING) {
            // the outcome is known and recorded; only its report was lost
            reports.report(entry.get());
            return;
        }
        if (entry.isEmpty()) {
            reports.report(
                    event.itemId(),
                    event.version(),
                    DeliveryStatus.FAILED,
                    null,
                    0,
                    "gave up: " + reason);
            return;
        }
        LedgerEntry known = entry.get();
        if (known.status() == LedgerStatus.RETRACTING) {
            reports.report(
                    event.itemId(),
                    event.version(),
                    DeliveryStatus.UNCONFIRMED,
                    null,
                    known.attempts(),
                    "gave up retracting: " + reason);
            return;
        }
        // an attempt left in flight may have reached the provider: never claim it failed
        LedgerStatus status =
                LedgerStatus.AMBIGUOUS.contains(known.status())
                        ? LedgerStatus.UNCONFIRMED
                        : LedgerStatus.FAILED;
        reports.report(
                ledger.record(
                        event.itemId(),
                        event.version(),
                        status,
                        null,
                        "gave up after %d attempts: %s".formatted(known.attempts(), reason)));
    }

    /** When the current run of transient failures of the event's (item, version) began. */
    Optional<java.time.Instant> retryingSince(PublicationEvent event) {
        if (!hasEnvelope(event)) {
            return Optional.empty();
        }
        return ledger.retryingSince(event.itemId(), event.version());
    }

    @Override
    public boolean arrived(UUID itemId, int version, DeliveryOutcome outcome) {
        // compare-and-set on the entry: the listener may be recording the same version right now
        for (int tries = 0; tries < 5; tries++) {
            Optional<LedgerEntry> found = ledger.find(itemId, version);
            if (found.isEmpty()) {
                log.warn(
                        "{} reported {} for item {} version {}, which the ledger does not know",
                        channel(),
                        outcome,
                        itemId,
                        version);
                return false;
            }
            LedgerEntry entry = found.get();
            Optional<LedgerStatus> to = settles(entry.status(), outcome);
            if (to.isEmpty()) {
                log.info(
                        "Ignoring {} for item {} version {} on {}: the ledger has it {}",
                        outcome,
                        itemId,
                        version,
                        channel(),
                        entry.status());
                return false;
            }
            boolean changed = false;
            if (outcome instanceof DeliveryOutcome.Delivered delivered) {
                changed =
                        ledger.transition(
                                entry,
                                to.get(),
                                delivered.externalUrl(),
                                delivered.externalRef(),
                                delivered.detail(),
                                delivered.warnings());
            } else if (outcome instanceof DeliveryOutcome.Failed failed) {
                changed = ledger.transition(entry, to.get(), null, null, failed.reason());
            } else if (outcome instanceof DeliveryOutcome.Retracted retracted) {
                changed =
                        ledger.transition(
                                entry,
                                to.get(),
                                null,
                                null,
                                retracted.detail() == null
                                        ? "removed on " + channel()
                                        : retracted.detail());
            }
            if (changed) {
                LedgerEntry now = ledger.find(itemId, version).orElseThrow();
                log.info(
                        "{} confirmed item {} version {} asynchronously: {}",
                        channel(),
                        itemId,
                        version,
                        now.status());
                try {
                    reports.report(now);
                } catch (DeliveryReports.ReportNotSent e) {
                    // the change is committed and its report owed: OwedReports sends it once the
                    // broker is back; the caller (a screen's acknowledgement, a callback) succeeded
                    log.warn(
                            "{}; the ledger owes it and sends it again: {}",
                            e.getMessage(),
                            e.getCause() == null ? e.toString() : e.getCause().toString());
                }
                return true;
            }
        }
        log.warn(
                "Gave up recording {} for item {} version {}: the entry kept changing",
                outcome,
                itemId,
                version);
        return false;
    }

    private static Optional<LedgerStatus> settles(LedgerStatus status, DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Delivered
                && LedgerStatus.AMBIGUOUS.contains(status)) {
            return Optional.of(LedgerStatus.DELIVERED);
        }
        if (outcome instanceof DeliveryOutcome.Failed && LedgerStatus.AMBIGUOUS.contains(status)) {
            return Optional.of(LedgerStatus.FAILED);
        }
        if (outcome instanceof DeliveryOutcome.Retracted
                && (status == LedgerStatus.DELIVERED || LedgerStatus.AMBIGUOUS.contains(status))) {
            return Optional.of(LedgerStatus.RETRACTED);
        }
        return Optional.empty();
    }

    private boolean alreadyProcessed(PublicationEvent event) {
        if (ledger.processed(event.eventId())) {
            log.info(
                    "Event {} of item {} was processed before; ignoring the redelivery",
                    event.eventId(),
                    event.itemId());
            return true;
        }
        return false;
    }

    private String key(UUID itemId, int version) {
        return Deliveries.idempotencyKey(channel().name(), itemId, version);
    }

    private static boolean hasEnvelope(PublicationEvent event) {
        return event.eventId() != null && event.itemId() != null && event.version() > 0;
    }

    private static void requireEnvelope(PublicationEvent event) {
        if (!hasEnvelope(event)) {
            throw new InvalidPublicationEvent(
                    "Event without an event id, item id or version: " + event);
        }
    }
}
