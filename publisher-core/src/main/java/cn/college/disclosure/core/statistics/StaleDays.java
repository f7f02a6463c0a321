package cn.college.disclosure.core.statistics;

import cn.college.disclosure.core.calendar.WorkingDayCalendarChanged;
import cn.college.disclosure.core.delivery.DeliveryRecorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks the fact table's days stale when the ledger changes under them, in the transaction that
 * changes the ledger. A report on an item can move the day of its first delivery on a channel,
 * whether it is now retracted, and the day a failure is counted on; so every day on which the item
 * was first delivered anywhere, and the days of the old and the new report, become stale.
 */
@Component
class StaleDays {

    private final FactTable table;
    private final Ledger ledger;
    private final StatisticsProperties properties;

    StaleDays(FactTable table, Ledger ledger, StatisticsProperties properties) {
        this.table = table;
        this.ledger = ledger;
        this.properties = properties;
    }

    @EventListener
    @Transactional
    void on(DeliveryRecorded recorded) {
        ZoneId zone = properties.zone();
        Set<LocalDate> days = new HashSet<>();
        days.add(recorded.reportedAt().atZone(zone).toLocalDate());
        if (recorded.previousReportedAt() != null) {
            days.add(recorded.previousReportedAt().atZone(zone).toLocalDate());
        }
        for (Instant delivered : ledger.deliveryInstantsOf(recorded.itemId())) {
            days.add(delivered.atZone(zone).toLocalDate());
        }
        table.lock(days);
        table.invalidate(days);
    }

    /**
     * A new holiday schedule for a year moves the deadlines that fall in it: deliveries from that
     * year's first day to the end of the following January (the latest a deadline counted across
     * the year can reach) are judged again.
     */
    @EventListener
    @Transactional
    void on(WorkingDayCalendarChanged changed) {
        table.invalidate(
                LocalDate.of(changed.year(), 1, 1), LocalDate.of(changed.year() + 1, 2, 1));
    }
}
