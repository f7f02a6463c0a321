package cn.college.disclosure.core.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The statistics of a period: what {@code GET /api/statistics/annual} returns and what the CSV, the
 * workbook and the report are made from.
 *
 * @param channels every pipeline channel (zeros included), then the manual channels with a count
 * @param byCategory pipeline channel × catalogue category (category 0: items without a catalogue
 *     item, listed only if non-zero)
 * @param byCatalogueItem pipeline channel × catalogue item, non-zero only
 * @param byMonth pipeline channel × month of the period, zeros included
 * @param byDepartment department × pipeline channel, non-zero only; "" is an item unknown to the
 *     core
 * @param timeliness per category, items disclosed (first delivered on any channel) in the period
 */
public record Statistics(
        PeriodView period,
        String timezone,
        Instant generatedAt,
        String catalogueVersion,
        String calendarVersion,
        List<ChannelCount> channels,
        List<CategoryCount> byCategory,
        List<CatalogueItemCount> byCatalogueItem,
        List<MonthCount> byMonth,
        List<DepartmentCount> byDepartment,
        List<Timeliness> timeliness) {

    /**
     * @param from the first instant, inclusive
     * @param to the first instant after the period
     * @param label the report's wording of the period
     */
    public record PeriodView(
            @Nullable Integer year,
            LocalDate firstDay,
            LocalDate lastDay,
            OffsetDateTime from,
            OffsetDateTime to,
            String label) {}

    /**
     * One channel's total.
     *
     * @param channel the pipeline channel's constant, or the manual channel's key
     * @param manual whether a report author recorded the count by hand (no ledger behind it)
     * @param count items first delivered on the channel in the period
     * @param retracted of which now retracted there (absent for manual channels)
     * @param stillPublished {@code count - retracted} (absent for manual channels)
     * @param failed deliveries now FAILED whose failure was reported in the period (absent for
     *     manual channels)
     */
    public record ChannelCount(
            String channel,
            String name,
            String unit,
            boolean manual,
            long count,
            @Nullable Long retracted,
            @Nullable Long stillPublished,
            @Nullable Long failed) {}

    public record CategoryCount(
            String channel, int category, String categoryName, long count, long retracted) {}

    public record CatalogueItemCount(
            String channel,
            int catalogueItem,
            String catalogueItemName,
            int category,
            long count,
            long retracted) {}

    /**
     * @param month {@code yyyy-MM}
     */
    public record MonthCount(String channel, String month, long count, long retracted) {}

    public record DepartmentCount(String department, String channel, long count, long retracted) {}

    /**
     * @param onTime disclosed within the working-day limit of {@code producedOn}
     * @param late disclosed after it
     * @param undated without {@code producedOn}, so not judged
     */
    public record Timeliness(
            int category, String categoryName, long items, long onTime, long late, long undated) {}
}
