package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.Channel;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The period's counts, summed from the fact table's past days and the live count of today: per
 * channel, catalogue item and month; per channel and department; timeliness per catalogue item; and
 * the last day anything of a catalogue item was first delivered.
 */
final class Tally {

    record CellKey(Channel channel, int catalogueItem, YearMonth month) {}

    record DepartmentKey(Channel channel, String department) {}

    /** delivered, retracted, failed */
    final Map<CellKey, long[]> cells = new HashMap<>();

    /** delivered, retracted */
    final Map<DepartmentKey, long[]> departments = new HashMap<>();

    /** on time, late, undated */
    final Map<Integer, long[]> timeliness = new HashMap<>();

    final Map<Integer, LocalDate> lastDays = new HashMap<>();

    void cell(
            Channel channel,
            int catalogueItem,
            YearMonth month,
            long delivered,
            long retracted,
            long failed) {
        long[] counts =
                cells.computeIfAbsent(new CellKey(channel, catalogueItem, month), k -> new long[3]);
        counts[0] += delivered;
        counts[1] += retracted;
        counts[2] += failed;
    }

    void department(Channel channel, String department, long delivered, long retracted) {
        long[] counts =
                departments.computeIfAbsent(
                        new DepartmentKey(channel, department), k -> new long[2]);
        counts[0] += delivered;
        counts[1] += retracted;
    }

    void timeliness(int catalogueItem, long onTime, long late, long undated) {
        long[] counts = timeliness.computeIfAbsent(catalogueItem, k -> new long[3]);
        counts[0] += onTime;
        counts[1] += late;
        counts[2] += undated;
    }

    void lastDay(int catalogueItem, LocalDate day) {
        lastDays.merge(catalogueItem, day, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Adds rows computed live (today's, or days not yet in the fact table). */
    void add(DayFacts facts) {
        facts.channel.forEach(
                (key, counts) -> {
                    cell(
                            key.channel(),
                            key.catalogueItem(),
                            YearMonth.from(key.day()),
                            counts[0],
                            counts[1],
                            counts[2]);
                    if (counts[0] > 0) {
                        lastDay(key.catalogueItem(), key.day());
                    }
                });
        facts.department.forEach(
                (key, counts) -> department(key.channel(), key.department(), counts[0], counts[1]));
        facts.timeliness.forEach(
                (key, counts) -> timeliness(key.catalogueItem(), counts[0], counts[1], counts[2]));
    }
}
