package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends {@link DeliveryReported} and waits for the broker's acknowledgement, so that a report that
 * could not be sent makes the record fail and be handled again (from the ledger, without pushing
 * again). A report of a ledger entry clears the entry's owed report ({@code report_owed}) once the
 * broker acknowledged it; a report that never got through stays owed and {@link OwedReports} sends
 * the entry's state again, also when no record is left to handle (an asynchronous outcome, a
 * reconciler's finding).
 */
class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final KafkaOperations<Object, Object> kafka;
    private final Channel channel;
    private final Clock clock;
    private final Duration timeout;
    private final DeliveryMetrics metrics;
    private final Deliveries ledger;

    DeliveryReports(
            KafkaOperations<Object, Object> kafka,
            Channel channel,
            Clock clock,
            Duration timeout,
            DeliveryMetrics metrics,
            Deliveries ledger) {
        this.ledger = ledger;
        this.kafka = kafka;
        this.channel = channel;
        this.clock = clock;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    /** Reports the entry's status as the ledger has it; no report is owed for it afterwards. */
    void report(LedgerEntry entry) {
        report(entry, entry.status().reported(), entry.detail());
    }

    /**
     * Reports the entry with a status and detail of the moment (a retry coming, a refused
     * retraction); it stands for the entry's current state, so no report is owed afterwards.
     */
    void report(LedgerEntry entry, DeliveryStatus status, @Nullable String detail) {
        send(
                entry.itemId(),
                entry.version(),
                status,
                status == DeliveryStatus.DELIVERED ? entry.externalUrl() : null,
                entry.attempts(),
                detail,
                entry.warnings());
        ledger.reportAcknowledged(entry);
    }

    /** Reports a status the ledger does not hold (e.g. a version it never received). */
    void report(
            UUID itemId,
            int version,
            DeliveryStatus status,
            @Nullable URI externalUrl,
            int attempt,
            @Nullable String detail) {
        send(itemId, version, status, externalUrl, attempt, detail, List.of());
    }

    private void send(
            UUID itemId,
            int version,
            DeliveryStatus status,
            @Nullable URI externalUrl,
            int attempt,
            @Nullable String detail,
            List<DeliveryWarning> warnings) {
        DeliveryReported report =
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        version,
                        clock.instant(),
                        channel,
                        status,
                        externalUrl,
                        attempt,
                        detail,
                        warnings);
        try {
            kafka.send(Topics.DELIVERY_REPORTS, itemId.toString(), report)
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportNotSent(report, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReportNotSent(report, e);
        }
        metrics.reported(status);
        log.info(
                "Reported {} of item {} version {} on {} (attempt {}){}{}{}",
                status,
                itemId,
                version,
                channel,
                attempt,
                externalUrl == null ? "" : " at " + externalUrl,
                detail == null ? "" : ": " + detail,
                warnings.isEmpty() ? "" : " (warnings " + warnings + ")");
    }

    /** The broker did not acknowledge a report in time; the record is handled again. */
    static class ReportNotSent extends RuntimeException {
        ReportNotSent(DeliveryReported report, Throwable cause) {
            super(
                    "Report %s of item %s version %d not acknowledged"
                            .formatted(report.status(), report.itemId(), report.version()),
                    cause);
        }
    }
}
