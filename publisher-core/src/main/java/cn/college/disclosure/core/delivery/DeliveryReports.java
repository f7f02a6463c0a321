package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the channels' reports. Each report is applied at most once (by event id); a report older
 * than the one already applied does not overwrite it; a DELIVERED version stays delivered unless
 * the channel reports it RETRACTED. Reports on unknown items are stored like any other: the
 * channel's word is the best information there is, and the item may be another installation's.
 *
 * <p>{@code first_delivered_at} is set by the earliest DELIVERED report on the version and never
 * cleared (a later RETRACTED or any other status keeps it): the statistics count an item in the
 * year of its first delivery. Every applied report publishes {@link DeliveryRecorded} in the same
 * transaction.
 *
 * <p>A RETRACTED report takes the item off the channel: the older versions still DELIVERED there
 * become RETRACTED too (a channel shows one version at a time and reports the retraction on the
 * newest), and a retracted delivery keeps no link.
 */
@Service
class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private static final Set<DeliveryStatus> WITH_ERROR =
            EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.RETRYING, DeliveryStatus.UNCONFIRMED);

    private final Deliveries deliveries;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeliveryReports(Deliveries deliveries, Clock clock, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    void apply(DeliveryReported report) {
        if (!deliveries.markProcessed(report.eventId(), clock.instant())) {
            log.debug("Report {} was applied before; ignored", report.eventId());
            return;
        }
        var current = deliveries.findForUpdate(report.itemId(), report.version(), report.channel());
        if (current.isPresent()) {
            var stored = current.get();
            if (stored.reportedAt() != null && report.occurredAt().isBefore(stored.reportedAt())) {
                log.debug("Report {} is older than the applied one; ignored", report.eventId());
                if (report.status() == DeliveryStatus.DELIVERED) {
                    deliveries.recordDeliveredAt(
                            report.itemId(),
                            report.version(),
                            report.channel(),
                            report.occurredAt());
                    events.publishEvent(recorded(report, stored.reportedAt()));
                }
                return;
            }
            if (stored.status() == DeliveryStatus.DELIVERED
                    && report.status() != DeliveryStatus.DELIVERED
                    && report.status() != DeliveryStatus.RETRACTED) {
                log.info(
                        "Report {} would downgrade delivered item {} v{} on {} to {}; ignored",
                        report.eventId(),
                        report.itemId(),
                        report.version(),
                        report.channel(),
                        report.status());
                return;
            }
        }
        var firstDelivered = current.map(Deliveries.Delivery::firstDeliveredAt).orElse(null);
        if (firstDelivered == null && report.status() == DeliveryStatus.DELIVERED) {
            firstDelivered = report.occurredAt();
        }
        // a retracted page is dead: no link to it
        var externalUrl =
                report.externalUrl() != null
                        ? report.externalUrl()
                        : report.status() == DeliveryStatus.RETRACTED
                                ? null
                                : current.map(Deliveries.Delivery::externalUrl).orElse(null);
        deliveries.save(
                new Deliveries.Delivery(
                        report.itemId(),
                        report.version(),
                        report.channel(),
                        report.status(),
                        report.attempt(),
                        externalUrl,
                        report.detail(),
                        WITH_ERROR.contains(report.status()) ? report.detail() : null,
                        report.occurredAt(),
                        report.occurredAt(),
                        firstDelivered,
                        warnings(report, current.orElse(null))));
        if (report.status() == DeliveryStatus.RETRACTED) {
            deliveries.retractOlderVersions(
                    report.itemId(), report.version(), report.channel(), report.occurredAt());
        }
        events.publishEvent(
                recorded(report, current.map(Deliveries.Delivery::reportedAt).orElse(null)));
    }

    /**
     * The report's warnings; a DELIVERED report without any (a reconcile, a repeat) keeps those of
     * the delivery it confirms, any other status has none.
     */
    private static List<DeliveryWarning> warnings(
            DeliveryReported report, Deliveries.@Nullable Delivery stored) {
        if (!report.warnings().isEmpty()) {
            return report.warnings();
        }
        return report.status() == DeliveryStatus.DELIVERED
                        && stored != null
                        && stored.status() == DeliveryStatus.DELIVERED
                ? stored.warnings()
                : List.of();
    }

    private static DeliveryRecorded recorded(
            DeliveryReported report, @Nullable Instant previousReportedAt) {
        return new DeliveryRecorded(
                report.itemId(),
                report.version(),
                report.channel(),
                report.status(),
                previousReportedAt,
                report.occurredAt());
    }
}
