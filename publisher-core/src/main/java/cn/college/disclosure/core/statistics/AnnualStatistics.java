package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.core.calendar.WorkingDays;
import cn.college.disclosure.core.catalogue.Catalogue;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Counts a period: past days from the fact table (recomputing the ones that are stale first), today
 * live from the ledger, manual channels from the authors' records.
 *
 * <p>Counting rule: an item counts once per channel, on the day (statistics zone) it was first
 * DELIVERED there, whatever happened later; later versions do not count again; an item now
 * retracted on the channel (by the college, or on WeChat by the user or the platform,
 * publish_status 5/6) still counts and is also counted as retracted; PENDING, RETRYING, FAILED,
 * UNCONFIRMED and SKIPPED never count.
 */
@Service
class AnnualStatistics {

    /** The earliest statistics year a request may name when the ledger is empty. */
    private static final int NO_DATA = Integer.MAX_VALUE;

    private final FactRecompute recompute;
    private final FactTable table;
    private final FactComputer computer;
    private final Ledger ledger;
    private final ManualCounts manualCounts;
    private final Catalogue catalogue;
    private final WorkingDays workingDays;
    private final StatisticsProperties properties;
    private final Clock clock;

    AnnualStatistics(
            FactRecompute recompute,
            FactTable table,
            FactComputer computer,
            Ledger ledger,
            ManualCounts manualCounts,
            Catalogue catalogue,
            WorkingDays workingDays,
            StatisticsProperties properties,
            Clock clock) {
        this.recompute = recompute;
        this.table = table;
        this.computer = computer;
        this.ledger = ledger;
        this.manualCounts = manualCounts;
        this.catalogue = catalogue;
        this.workingDays = workingDays;
        this.properties = properties;
        this.clock = clock;
    }

    /** The statistics and the tally they were made from. */
    record Counted(Period period, Statistics statistics, Tally tally) {}

    /**
     * The period a request names: {@code year} (a statistics year from the one of the earliest data
     * to the current one), or {@code from} and {@code to} (days, both included).
     *
     * @throws StatisticsPeriodRejected naming the offending parameter
     */
    Period period(@Nullable String year, @Nullable String from, @Nullable String to) {
        ZoneId zone = properties.zone();
        if (year != null) {
            if (from != null || to != null) {
                throw new StatisticsPeriodRejected(
                        from != null ? "from" : "to", "Give either year or from and to, not both");
            }
            int number;
            try {
                number = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                throw new StatisticsPeriodRejected(
                        "year", "year must be a statistics year such as 2021, not '" + year + "'");
            }
            int current = Period.yearOf(clock.instant(), zone);
            int earliest = Math.min(earliestYear(), current);
            if (number < earliest || number > current) {
                throw new StatisticsPeriodRejected(
                        "year",
                        "There are statistics for the years "
                                + earliest
                                + " to "
                                + current
                                + " (1 September to 31 August), not "
                                + number);
            }
            return Period.year(number, zone);
        }
        if (from == null || to == null) {
            throw new StatisticsPeriodRejected(
                    from == null && to == null ? "year" : from == null ? "from" : "to",
                    "Give year, or from and to (days yyyy-MM-dd, both included)");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw new StatisticsPeriodRejected(
                    "to", "to (" + to + ") is before from (" + from + ")");
        }
        if (first.getYear() < 2000 || last.getYear() > 2100) {
            throw new StatisticsPeriodRejected(
                    first.getYear() < 2000 ? "from" : "to", "The range lies outside 2000-2100");
        }
        return Period.between(first, last, zone);
    }

    Counted count(Period period) {
        LocalDate today = recompute.today();
        LocalDate end = period.lastDay().plusDays(1);
        LocalDate pastEnd = end.isBefore(today) ? end : today;
        recompute.ensureCurrent(period.firstDay(), pastEnd);
        Tally tally = new Tally();
        table.sum(period.firstDay(), pastEnd, tally);
        if (end.isAfter(today)) {
            LocalDate liveStart = period.firstDay().isAfter(today) ? period.firstDay() : today;
            tally.add(
                    computer.compute(
                            liveStart.atStartOfDay(period.zone()).toInstant(), period.to()));
        }
        return new Counted(period, statistics(period, tally), tally);
    }

    /** The channels outside the pipeline with their counts, for years wholly inside the period. */
    Map<String, Long> manual(Period period) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int year = Period.yearOf(period.firstDay());
                year <= Period.yearOf(period.lastDay());
                year++) {
            if (period.containsYear(year)) {
                manualCounts
                        .of(year)
                        .forEach((channel, count) -> totals.merge(channel, count, Long::sum));
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        properties
                .manualChannels()
                .keySet()
                .forEach(
                        key -> {
                            if (totals.containsKey(key)) {
                                ordered.put(key, totals.get(key));
                            }
                        });
        return ordered;
    }

    private Statistics statistics(Period period, Tally tally) {
        Map<Channel, long[]> perChannel = new LinkedHashMap<>();
        for (Channel channel : channels()) {
            perChannel.put(channel, new long[3]);
        }
        Map<String, long[]> perMonth = new LinkedHashMap<>();
        Map<String, long[]> perCategory = new LinkedHashMap<>();
        Map<String, long[]> perItem = new LinkedHashMap<>();
        tally.cells.forEach(
                (key, counts) -> {
                    long[] total = perChannel.computeIfAbsent(key.channel(), c -> new long[3]);
                    for (int i = 0; i < 3; i++) {
                        total[i] += counts[i];
                    }
                    add(perMonth, key.channel() + "|" + key.month(), counts);
                    add(perCategory, key.channel() + "|" + category(key.catalogueItem()), counts);
                    add(perItem, key.channel() + "|" + key.catalogueItem(), counts);
                });

        List<Statistics.ChannelCount> channels = new ArrayList<>();
        perChannel.forEach(
                (channel, counts) -> {
                    StatisticsProperties.ChannelName name = properties.name(channel);
                    channels.add(
                            new Statistics.ChannelCount(
                                    channel.name(),
                                    name.name(),
                                    name.unit(),
                                    false,
                                    counts[0],
                                    counts[1],
                                    counts[0] - counts[1],
                                    counts[2]));
                });
        manual(period)
                .forEach(
                        (key, count) -> {
                            StatisticsProperties.ChannelName name =
                                    properties.manualChannels().get(key);
                            channels.add(
                                    new Statistics.ChannelCount(
                                            key,
                                            name == null ? key : name.name(),
                                            name == null ? "信息" : name.unit(),
                                            true,
                                            count,
                                            null,
                                            null,
                                            null));
                        });

        Map<Integer, String> categories = categories();
        List<Statistics.CategoryCount> byCategory = new ArrayList<>();
        for (Channel channel : perChannel.keySet()) {
            for (int category = 0; category <= categories.size(); category++) {
                long[] counts = perCategory.getOrDefault(channel + "|" + category, new long[3]);
                if (category == 0 && counts[0] == 0) {
                    continue;
                }
                byCategory.add(
                        new Statistics.CategoryCount(
                                channel.name(),
                                category,
                                categories.getOrDefault(category, "未归类"),
                                counts[0],
                                counts[1]));
            }
        }

        List<Statistics.CatalogueItemCount> byItem = new ArrayList<>();
        for (Channel channel : perChannel.keySet()) {
            List<Integer> items = new ArrayList<>(List.of(0));
            catalogue.entries().forEach(entry -> items.add(entry.number()));
            for (int item : items) {
                long[] counts = perItem.get(channel + "|" + item);
                if (counts == null || counts[0] == 0) {
                    continue;
                }
                byItem.add(
                        new Statistics.CatalogueItemCount(
                                channel.name(),
                                item,
                                catalogue.entry(item).map(CatalogueEntry::name).orElse("未归类"),
                                category(item),
                                counts[0],
                                counts[1]));
            }
        }

        List<Statistics.MonthCount> byMonth = new ArrayList<>();
        for (Channel channel : perChannel.keySet()) {
            for (YearMonth month = YearMonth.from(period.firstDay());
                    !month.isAfter(YearMonth.from(period.lastDay()));
                    month = month.plusMonths(1)) {
                long[] counts = perMonth.getOrDefault(channel + "|" + month, new long[3]);
                byMonth.add(
                        new Statistics.MonthCount(
                                channel.name(), month.toString(), counts[0], counts[1]));
            }
        }

        List<Statistics.DepartmentCount> byDepartment = new ArrayList<>();
        tally.departments.forEach(
                (key, counts) -> {
                    if (counts[0] > 0) {
                        byDepartment.add(
                                new Statistics.DepartmentCount(
                                        key.department(),
                                        key.channel().name(),
                                        counts[0],
                                        counts[1]));
                    }
                });
        byDepartment.sort(
                Comparator.comparing(Statistics.DepartmentCount::department)
                        .thenComparing(count -> Channel.valueOf(count.channel())));

        Map<Integer, long[]> timelinessByCategory = new LinkedHashMap<>();
        tally.timeliness.forEach(
                (item, counts) -> add(timelinessByCategory, category(item), counts));
        List<Statistics.Timeliness> timeliness = new ArrayList<>();
        for (int category = 0; category <= categories.size(); category++) {
            long[] counts = timelinessByCategory.getOrDefault(category, new long[3]);
            if (category == 0 && counts[0] + counts[1] + counts[2] == 0) {
                continue;
            }
            timeliness.add(
                    new Statistics.Timeliness(
                            category,
                            categories.getOrDefault(category, "未归类"),
                            counts[0] + counts[1] + counts[2],
                            counts[0],
                            counts[1],
                            counts[2]));
        }

        return new Statistics(
                new Statistics.PeriodView(
                        period.year(),
                        period.firstDay(),
                        period.lastDay(),
                        period.fromOffset(),
                        period.toOffset(),
                        period.label()),
                period.zone().getId(),
                clock.instant(),
                catalogue.version(),
                workingDays.fileVersion(),
                channels,
                byCategory,
                byItem,
                byMonth,
                byDepartment,
                timeliness);
    }

    /** The pipeline channels in the report's order: configured ones first, then the rest. */
    List<Channel> channels() {
        List<Channel> ordered = new ArrayList<>(properties.channels().keySet());
        for (Channel channel : Channel.values()) {
            if (!ordered.contains(channel)) {
                ordered.add(channel);
            }
        }
        return ordered;
    }

    /** Category number to name, in number order. */
    Map<Integer, String> categories() {
        Map<Integer, String> categories = new LinkedHashMap<>();
        catalogue
                .entries()
                .forEach(entry -> categories.put(entry.categoryNumber(), entry.categoryName()));
        return categories;
    }

    int category(int catalogueItem) {
        return catalogue.entry(catalogueItem).map(CatalogueEntry::categoryNumber).orElse(0);
    }

    private int earliestYear() {
        int fromLedger =
                ledger.earliestDelivery()
                        .map(first -> Period.yearOf(first, properties.zone()))
                        .orElse(NO_DATA);
        int fromManual = manualCounts.earliestYear().orElse(NO_DATA);
        return Math.min(fromLedger, fromManual);
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new StatisticsPeriodRejected(
                    field, field + " must be a day yyyy-MM-dd, not '" + text + "'");
        }
    }

    private static <K> void add(Map<K, long[]> totals, K key, long[] counts) {
        long[] total = totals.computeIfAbsent(key, k -> new long[counts.length]);
        for (int i = 0; i < counts.length; i++) {
            total[i] += counts[i];
        }
    }
}
