package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the outside system, now and then, about attempts still in flight, unconfirmed or pending
 * after {@code channel.runtime.reconciler.stale-after}: an asynchronous confirmation (WeChat, an
 * LED screen) lands here. A confirmed item becomes DELIVERED; one the system does not have becomes
 * FAILED, as does one the system refused after accepting it. Never pushes: an operator's retry (a
 * {@code DeliveryRepairRequested}) pushes the request the ledger kept, or approving the item again.
 *
 * <p>Runs on one instance at a time (a ShedLock-locked {@code ChannelJob}). A provider that cannot
 * be asked (unreachable, its breaker open) is an outage: the entry stays as it is and is asked
 * again at the next pass.
 */
class StaleAttemptReconciler {

    private static final Logger log = LoggerFactory.getLogger(StaleAttemptReconciler.class);

    private final ChannelAdapter adapter;
    private final Deliveries ledger;
    private final DeliveryReports reports;
    private final DeliveryMetrics metrics;
    private final ChannelRuntimeProperties.Reconciler settings;
    private final Clock clock;
    private final ListenerParking parking;

    StaleAttemptReconciler(
            ChannelAdapter adapter,
            Deliveries ledger,
            DeliveryReports reports,
            DeliveryMetrics metrics,
            ChannelRuntimeProperties.Reconciler settings,
            Clock clock,
            ListenerParking parking) {
        this.parking = parking;
        this.adapter = adapter;
        this.ledger = ledger;
        this.reports = reports;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over the stale attempts; returns how many changed. */
    int reconcileStale() {
        int changed = 0;
        if (parking.isParked()) {
            // the provider takes no calls, not even questions
            return changed;
        }
        for (LedgerEntry entry :
                ledger.unresolvedSince(clock.instant().minus(settings.staleAfter()))) {
            try {
                if (reconcile(entry)) {
                    changed++;
                }
            } catch (ChannelParked e) {
                parking.park(e);
                return changed;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not reconcile item {} version {}: {}",
                        entry.itemId(),
                        entry.version(),
                        e.toString());
            }
        }
        return changed;
    }

    private boolean reconcile(LedgerEntry entry) {
        DeliveryOutcome found =
                metrics.timed("reconcile", () -> adapter.reconcile(entry.attempt()));
        if (found instanceof DeliveryOutcome.Delivered delivered) {
            if (!ledger.transition(
                    entry,
                    LedgerStatus.DELIVERED,
                    delivered.externalUrl(),
                    delivered.externalRef(),
                    delivered.detail(),
                    delivered.warnings())) {
                return false;
            }
            ledger.find(entry.itemId(), entry.version()).ifPresent(reports::report);
            return true;
        }
        if (found instanceof DeliveryOutcome.Failed failed) {
            return transitionAndReport(entry, LedgerStatus.FAILED, null, null, failed.reason());
        }
        if (found instanceof DeliveryOutcome.Absent) {
            return transitionAndReport(
                    entry,
                    LedgerStatus.FAILED,
                    null,
                    null,
                    "not found at the provider after %d attempts; approve the item again to retry"
                            .formatted(entry.attempts()));
        }
        return false;
    }

    private boolean transitionAndReport(
            LedgerEntry entry,
            LedgerStatus to,
            java.net.@Nullable URI url,
            @Nullable String ref,
            @Nullable String detail) {
        if (!ledger.transition(entry, to, url, ref, detail)) {
            return false;
        }
        ledger.find(entry.itemId(), entry.version()).ifPresent(reports::report);
        return true;
    }
}
