package cn.college.disclosure.core.statistics;

import cn.college.disclosure.core.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Computes the fact-table rows of an instant range from the ledger. */
@Component
class FactComputer {

    static final int ON_TIME = 0;
    static final int LATE = 1;
    static final int UNDATED = 2;

    private final Ledger ledger;
    private final WorkingDays workingDays;
    private final StatisticsProperties properties;

    FactComputer(Ledger ledger, WorkingDays workingDays, StatisticsProperties properties) {
        this.ledger = ledger;
        this.workingDays = workingDays;
        this.properties = properties;
    }

    /** The rows of the days in {@code [from, to)}; the range's ends are midnights of the zone. */
    DayFacts compute(Instant from, Instant to) {
        ZoneId zone = properties.zone();
        DayFacts facts = new DayFacts();
        for (Ledger.FirstDelivery first : ledger.firstDeliveries(from, to)) {
            facts.delivered(
                    day(first.firstDeliveredAt(), zone),
                    first.channel(),
                    item(first.catalogueItem()),
                    first.department() == null ? "" : first.department(),
                    first.retracted());
        }
        for (Ledger.Failure failure : ledger.failures(from, to)) {
            facts.failed(
                    day(failure.reportedAt(), zone),
                    failure.channel(),
                    item(failure.catalogueItem()));
        }
        for (Ledger.FirstDisclosure disclosure : ledger.firstDisclosures(from, to)) {
            LocalDate day = day(disclosure.firstDeliveredAt(), zone);
            facts.disclosed(
                    day,
                    item(disclosure.catalogueItem()),
                    timeliness(disclosure.producedOn(), day));
        }
        return facts;
    }

    /**
     * Disclosed in time if disclosed on or before the {@code disclosureWorkingDays}-th working day
     * after the day it was produced.
     */
    int timeliness(@Nullable LocalDate producedOn, LocalDate disclosed) {
        if (producedOn == null) {
            return UNDATED;
        }
        LocalDate deadline =
                workingDays.addWorkingDays(producedOn, properties.disclosureWorkingDays());
        return disclosed.isAfter(deadline) ? LATE : ON_TIME;
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private static int item(@Nullable Integer catalogueItem) {
        return catalogueItem == null ? 0 : catalogueItem;
    }
}
