package cn.college.disclosure.core.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the fact table current for past days: a day's rows are deleted and inserted again from the
 * ledger in one transaction (so recomputing twice gives identical rows). Today is never stored; it
 * is counted live.
 */
@Service
class FactRecompute {

    private static final Logger log = LoggerFactory.getLogger(FactRecompute.class);

    /** The most days recomputed in one transaction (a month). */
    private static final int CHUNK_DAYS = 31;

    private final FactTable table;
    private final FactComputer computer;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final StatisticsProperties properties;
    private final Clock clock;

    FactRecompute(
            FactTable table,
            FactComputer computer,
            Ledger ledger,
            TransactionTemplate transactions,
            StatisticsProperties properties,
            Clock clock) {
        this.table = table;
        this.computer = computer;
        this.ledger = ledger;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today in the statistics zone: the first day that is counted live. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /**
     * Recomputes the past days in {@code [first, end)}, whether current or not; days from today on
     * are left out. Returns how many days were recomputed.
     */
    int recompute(LocalDate first, LocalDate end) {
        LocalDate stop = min(end, today());
        int days = 0;
        for (LocalDate chunk = first; chunk.isBefore(stop); chunk = chunk.plusDays(CHUNK_DAYS)) {
            LocalDate chunkEnd = min(chunk.plusDays(CHUNK_DAYS), stop);
            recomputeChunk(chunk, chunkEnd);
            days += (int) (chunkEnd.toEpochDay() - chunk.toEpochDay());
        }
        return days;
    }

    /** Recomputes the past days in {@code [first, end)} that are not current. */
    int ensureCurrent(LocalDate first, LocalDate end) {
        LocalDate stop = min(end, today());
        if (!first.isBefore(stop)) {
            return 0;
        }
        Set<LocalDate> current = table.currentDays(first, stop);
        int days = 0;
        LocalDate runStart = null;
        for (LocalDate day = first; !day.isAfter(stop); day = day.plusDays(1)) {
            boolean stale = day.isBefore(stop) && !current.contains(day);
            if (stale && runStart == null) {
                runStart = day;
            } else if (!stale && runStart != null) {
                days += recompute(runStart, day);
                runStart = null;
            }
        }
        return days;
    }

    /** Recomputes every past day from the ledger's first delivery that is not current. */
    int ensureAllCurrent() {
        return ledger.earliestDelivery()
                .map(first -> ensureCurrent(first.atZone(properties.zone()).toLocalDate(), today()))
                .orElse(0);
    }

    /** Recomputes every past day from the ledger's first delivery. */
    int recomputeAll() {
        return ledger.earliestDelivery()
                .map(first -> recompute(first.atZone(properties.zone()).toLocalDate(), today()))
                .orElse(0);
    }

    private void recomputeChunk(LocalDate first, LocalDate end) {
        ZoneId zone = properties.zone();
        List<LocalDate> days = new ArrayList<>();
        first.datesUntil(end).forEach(days::add);
        transactions.executeWithoutResult(
                status -> {
                    table.lock(days);
                    Instant from = first.atStartOfDay(zone).toInstant();
                    Instant to = end.atStartOfDay(zone).toInstant();
                    table.replace(first, end, computer.compute(from, to), clock.instant());
                });
        log.debug("Recomputed statistics for {} to {}", first, end.minusDays(1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
