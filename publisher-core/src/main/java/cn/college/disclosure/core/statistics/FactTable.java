package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-day fact tables and {@code statistics_day}, the set of past days whose rows are current.
 * Writers of a day (the recompute, and the ledger's changes that make a day stale) take the day's
 * transaction-scoped advisory lock first, so a recompute never marks a day current with rows
 * computed before a change it did not see.
 */
@Repository
class FactTable {

    /** The first key of the advisory locks, so they do not collide with other users' locks. */
    private static final int LOCK_SPACE = 0x53544154;

    private final JdbcClient jdbc;

    FactTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the days' locks in day order (one order everywhere, so no deadlock). */
    void lock(Collection<LocalDate> days) {
        for (LocalDate day : new TreeSet<>(days)) {
            jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                    .params(LOCK_SPACE, (int) day.toEpochDay())
                    .query((rs, row) -> 1)
                    .list();
        }
    }

    /** Replaces the rows of the days in {@code [first, end)} and marks those days current. */
    void replace(LocalDate first, LocalDate end, DayFacts facts, Instant now) {
        for (String table :
                List.of(
                        "statistics_channel_day",
                        "statistics_department_day",
                        "statistics_timeliness_day")) {
            jdbc.sql("delete from " + table + " where day >= ? and day < ?")
                    .params(first, end)
                    .update();
        }
        if (!facts.channel.isEmpty()) {
            int n = facts.channel.size();
            LocalDate[] days = new LocalDate[n];
            String[] channels = new String[n];
            int[] items = new int[n];
            int[] delivered = new int[n];
            int[] retracted = new int[n];
            int[] failed = new int[n];
            int i = 0;
            for (var entry : facts.channel.entrySet()) {
                days[i] = entry.getKey().day();
                channels[i] = entry.getKey().channel().name();
                items[i] = entry.getKey().catalogueItem();
                delivered[i] = entry.getValue()[0];
                retracted[i] = entry.getValue()[1];
                failed[i] = entry.getValue()[2];
                i++;
            }
            jdbc.sql(
                            """
                            insert into statistics_channel_day
                                (day, channel, catalogue_item, delivered, retracted, failed)
                            select * from unnest(cast(? as date[]), cast(? as varchar[]),
                                cast(? as int[]), cast(? as int[]), cast(? as int[]), cast(? as int[]))
                            """)
                    .params(
                            dates(days),
                            channels,
                            boxed(items),
                            boxed(delivered),
                            boxed(retracted),
                            boxed(failed))
                    .update();
        }
        if (!facts.department.isEmpty()) {
            int n = facts.department.size();
            LocalDate[] days = new LocalDate[n];
            String[] channels = new String[n];
            String[] departments = new String[n];
            int[] delivered = new int[n];
            int[] retracted = new int[n];
            int i = 0;
            for (var entry : facts.department.entrySet()) {
                days[i] = entry.getKey().day();
                channels[i] = entry.getKey().channel().name();
                departments[i] = entry.getKey().department();
                delivered[i] = entry.getValue()[0];
                retracted[i] = entry.getValue()[1];
                i++;
            }
            jdbc.sql(
                            """
                            insert into statistics_department_day
                                (day, channel, department, delivered, retracted)
                            select * from unnest(cast(? as date[]), cast(? as varchar[]),
                                cast(? as varchar[]), cast(? as int[]), cast(? as int[]))
                            """)
                    .params(dates(days), channels, departments, boxed(delivered), boxed(retracted))
                    .update();
        }
        if (!facts.timeliness.isEmpty()) {
            int n = facts.timeliness.size();
            LocalDate[] days = new LocalDate[n];
            int[] items = new int[n];
            int[] onTime = new int[n];
            int[] late = new int[n];
            int[] undated = new int[n];
            int i = 0;
            for (var entry : facts.timeliness.entrySet()) {
                days[i] = entry.getKey().day();
                items[i] = entry.getKey().catalogueItem();
                onTime[i] = entry.getValue()[0];
                late[i] = entry.getValue()[1];
                undated[i] = entry.getValue()[2];
                i++;
            }
            jdbc.sql(
                            """
                            insert into statistics_timeliness_day
                                (day, catalogue_item, on_time, late, undated)
                            select * from unnest(cast(? as date[]), cast(? as int[]),
                                cast(? as int[]), cast(? as int[]), cast(? as int[]))
                            """)
                    .params(dates(days), boxed(items), boxed(onTime), boxed(late), boxed(undated))
                    .update();
        }
        jdbc.sql(
                        """
                        insert into statistics_day (day, computed_at)
                        select cast(d as date), ? from generate_series(cast(? as date),
                            cast(? as date) - 1, interval '1 day') d
                        on conflict (day) do update set computed_at = excluded.computed_at
                        """)
                .params(now.atOffset(ZoneOffset.UTC), first, end)
                .update();
    }

    /** The days in {@code [first, end)} whose rows are current. */
    Set<LocalDate> currentDays(LocalDate first, LocalDate end) {
        return new HashSet<>(
                jdbc.sql("select day from statistics_day where day >= ? and day < ?")
                        .params(first, end)
                        .query(LocalDate.class)
                        .list());
    }

    /** Marks the days stale; the caller holds their locks. */
    void invalidate(Collection<LocalDate> days) {
        if (!days.isEmpty()) {
            jdbc.sql("delete from statistics_day where day = any(cast(? as date[]))")
                    .param(dates(days.toArray(LocalDate[]::new)))
                    .update();
        }
    }

    /** Marks every day in {@code [first, end)} stale. */
    void invalidate(LocalDate first, LocalDate end) {
        jdbc.sql("delete from statistics_day where day >= ? and day < ?")
                .params(first, end)
                .update();
    }

    /** Adds the fact rows of the days in {@code [first, end)}, summed per month, to the tally. */
    void sum(LocalDate first, LocalDate end, Tally tally) {
        if (!first.isBefore(end)) {
            return;
        }
        jdbc.sql(
                        """
                        select channel, catalogue_item, cast(date_trunc('month', day) as date) as month,
                            sum(delivered) as delivered, sum(retracted) as retracted,
                            sum(failed) as failed
                        from statistics_channel_day where day >= ? and day < ?
                        group by channel, catalogue_item, date_trunc('month', day)
                        """)
                .params(first, end)
                .query(
                        rs -> {
                            tally.cell(
                                    Channel.valueOf(rs.getString("channel")),
                                    rs.getInt("catalogue_item"),
                                    YearMonth.from(rs.getObject("month", LocalDate.class)),
                                    rs.getLong("delivered"),
                                    rs.getLong("retracted"),
                                    rs.getLong("failed"));
                        });
        jdbc.sql(
                        """
                        select catalogue_item, max(day) as last from statistics_channel_day
                        where day >= ? and day < ? and delivered > 0 group by catalogue_item
                        """)
                .params(first, end)
                .query(
                        rs -> {
                            tally.lastDay(
                                    rs.getInt("catalogue_item"),
                                    rs.getObject("last", LocalDate.class));
                        });
        jdbc.sql(
                        """
                        select channel, department, sum(delivered) as delivered,
                            sum(retracted) as retracted
                        from statistics_department_day where day >= ? and day < ?
                        group by channel, department
                        """)
                .params(first, end)
                .query(
                        rs -> {
                            tally.department(
                                    Channel.valueOf(rs.getString("channel")),
                                    rs.getString("department"),
                                    rs.getLong("delivered"),
                                    rs.getLong("retracted"));
                        });
        jdbc.sql(
                        """
                        select catalogue_item, sum(on_time) as on_time, sum(late) as late,
                            sum(undated) as undated
                        from statistics_timeliness_day where day >= ? and day < ?
                        group by catalogue_item
                        """)
                .params(first, end)
                .query(
                        rs -> {
                            tally.timeliness(
                                    rs.getInt("catalogue_item"),
                                    rs.getLong("on_time"),
                                    rs.getLong("late"),
                                    rs.getLong("undated"));
                        });
    }

    private static String[] dates(LocalDate[] days) {
        String[] text = new String[days.length];
        for (int i = 0; i < days.length; i++) {
            text[i] = days[i].toString();
        }
        return text;
    }

    private static Integer[] boxed(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
