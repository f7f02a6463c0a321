package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.Channel;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fact-table rows of some days, computed from the ledger: per day, channel and catalogue item;
 * per day, channel and department; per day and catalogue item for timeliness. Catalogue item 0 is
 * "none", department "" an item unknown to the core.
 */
final class DayFacts {

    record ChannelKey(LocalDate day, Channel channel, int catalogueItem)
            implements Comparable<ChannelKey> {
        @Override
        public int compareTo(ChannelKey other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byChannel = channel.compareTo(other.channel);
            return byChannel != 0 ? byChannel : Integer.compare(catalogueItem, other.catalogueItem);
        }
    }

    record DepartmentKey(LocalDate day, Channel channel, String department)
            implements Comparable<DepartmentKey> {
        @Override
        public int compareTo(DepartmentKey other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byChannel = channel.compareTo(other.channel);
            return byChannel != 0 ? byChannel : department.compareTo(other.department);
        }
    }

    record TimelinessKey(LocalDate day, int catalogueItem) implements Comparable<TimelinessKey> {
        @Override
        public int compareTo(TimelinessKey other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Integer.compare(catalogueItem, other.catalogueItem);
        }
    }

    /** delivered, retracted, failed */
    final Map<ChannelKey, int[]> channel = new TreeMap<>();

    /** delivered, retracted */
    final Map<DepartmentKey, int[]> department = new TreeMap<>();

    /** on time, late, undated */
    final Map<TimelinessKey, int[]> timeliness = new TreeMap<>();

    void delivered(LocalDate day, Channel on, int catalogueItem, String dept, boolean retracted) {
        int[] counts =
                channel.computeIfAbsent(new ChannelKey(day, on, catalogueItem), k -> new int[3]);
        counts[0]++;
        int[] byDepartment =
                department.computeIfAbsent(new DepartmentKey(day, on, dept), k -> new int[2]);
        byDepartment[0]++;
        if (retracted) {
            counts[1]++;
            byDepartment[1]++;
        }
    }

    void failed(LocalDate day, Channel on, int catalogueItem) {
        channel.computeIfAbsent(new ChannelKey(day, on, catalogueItem), k -> new int[3])[2]++;
    }

    /**
     * @param outcome 0 on time, 1 late, 2 undated
     */
    void disclosed(LocalDate day, int catalogueItem, int outcome) {
        timeliness
                .computeIfAbsent(new TimelinessKey(day, catalogueItem), k -> new int[3])[outcome]++;
    }
}
