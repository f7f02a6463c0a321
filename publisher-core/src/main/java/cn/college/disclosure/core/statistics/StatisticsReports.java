package cn.college.disclosure.core.statistics;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of a statistics year for other modules (the console): the same figures, report,
 * CSV and workbook as {@code /api/statistics/**}, the manual channels' counts and the catalogue
 * items marked 不涉及.
 */
@Service
public class StatisticsReports {

    private final AnnualStatistics statistics;
    private final AnnualReport report;
    private final StatisticsExports exports;
    private final ManualCounts manualCounts;
    private final NotApplicableItems notApplicableItems;
    private final StatisticsProperties properties;
    private final Clock clock;

    StatisticsReports(
            AnnualStatistics statistics,
            AnnualReport report,
            StatisticsExports exports,
            ManualCounts manualCounts,
            NotApplicableItems notApplicableItems,
            StatisticsProperties properties,
            Clock clock) {
        this.statistics = statistics;
        this.report = report;
        this.exports = exports;
        this.manualCounts = manualCounts;
        this.notApplicableItems = notApplicableItems;
        this.properties = properties;
        this.clock = clock;
    }

    /** A year's figures and its report, counted once. */
    public record Year(Statistics statistics, AnnualReport.Report report) {}

    /**
     * A manual channel with the count recorded for a year.
     *
     * @param count null when nothing was recorded
     */
    public record ManualChannel(String key, String name, String unit, @Nullable Long count) {}

    /** The statistics year today is in (a year runs from 1 September to 31 August). */
    public int currentYear() {
        return Period.yearOf(LocalDate.now(clock.withZone(properties.zone())));
    }

    /**
     * The figures and the report of statistics year {@code year}.
     *
     * @throws StatisticsPeriodRejected for a year outside the data
     */
    @Transactional
    public Year year(int year) {
        AnnualStatistics.Counted counted = count(year);
        return new Year(counted.statistics(), report.write(counted));
    }

    /** The report as plain text, the paragraph then the table, as {@code report.txt}. */
    public String plainText(AnnualReport.Report written) {
        return report.plain(written);
    }

    /** The year as CSV (UTF-8 with a byte-order mark), as {@code annual.csv}. */
    @Transactional
    public byte[] csv(int year) {
        return exports.csv(count(year).statistics()).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the year's workbook, as {@code annual.xlsx}. */
    @Transactional
    public void workbook(int year, OutputStream out) {
        exports.workbook(count(year), out);
    }

    /**
     * Checks that a year can be counted before a download starts streaming.
     *
     * @throws StatisticsPeriodRejected for a year outside the data
     */
    public void requireYear(int year) {
        statistics.period(String.valueOf(year), null, null);
    }

    /** The manual channels, in the report's order, with the counts recorded for the year. */
    @Transactional(readOnly = true)
    public java.util.List<ManualChannel> manualChannels(int year) {
        Map<String, Long> counts = manualCounts.of(year);
        return properties.manualChannels().entrySet().stream()
                .map(
                        entry ->
                                new ManualChannel(
                                        entry.getKey(),
                                        entry.getValue().name(),
                                        entry.getValue().unit(),
                                        counts.get(entry.getKey())))
                .toList();
    }

    /**
     * Replaces the counts of the manual channels for a year, as written in the API's JSON or the
     * console's form ({@link ManualCountRules}); channels left out or empty have no count.
     *
     * @throws ManualCountRejected naming the offending key, or {@code year}
     */
    @Transactional
    public void recordManualCounts(int year, Map<String, @Nullable String> written, String by) {
        if (year < 2000 || year > currentYear()) {
            throw new ManualCountRejected(
                    "year",
                    "manualCount.year",
                    "Manual counts are kept for the statistics years 2000 to " + currentYear(),
                    "2000",
                    String.valueOf(currentYear()));
        }
        Map<String, Integer> counts =
                new ManualCountRules(properties.manualChannels()).counts(written);
        manualCounts.replace(year, counts, by, clock.instant());
    }

    /** The catalogue items marked 不涉及 now. */
    @Transactional(readOnly = true)
    public Set<Integer> notApplicableItems() {
        return notApplicableItems.current();
    }

    /** Marks a catalogue item 不涉及 or applicable, overriding the configured default. */
    @Transactional
    public void markNotApplicable(int catalogueItem, boolean notApplicable, String by) {
        Instant now = clock.instant();
        notApplicableItems.mark(catalogueItem, notApplicable, by, now);
    }

    private AnnualStatistics.Counted count(int year) {
        return statistics.count(statistics.period(String.valueOf(year), null, null));
    }
}
