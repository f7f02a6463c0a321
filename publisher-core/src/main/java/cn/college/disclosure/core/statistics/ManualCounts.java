package cn.college.disclosure.core.statistics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report authors' counts of the channels outside the pipeline, per statistics year. */
@Repository
class ManualCounts {

    private final JdbcClient jdbc;

    ManualCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's counts by manual channel key; channels without a recorded count are absent. */
    Map<String, Long> of(int year) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(
                        "select channel, count from statistics_manual_count where year = ? order by channel")
                .param(year)
                .query(
                        rs -> {
                            counts.put(rs.getString("channel"), rs.getLong("count"));
                        });
        return counts;
    }

    /** Replaces the year's counts. */
    void replace(int year, Map<String, Integer> counts, String by, Instant at) {
        jdbc.sql("delete from statistics_manual_count where year = ?").param(year).update();
        counts.forEach(
                (channel, count) ->
                        jdbc.sql(
                                        """
                                        insert into statistics_manual_count
                                            (year, channel, count, updated_by, updated_at)
                                        values (?, ?, ?, ?, ?)
                                        """)
                                .params(year, channel, count, by, at.atOffset(ZoneOffset.UTC))
                                .update());
    }

    Optional<Integer> earliestYear() {
        return jdbc.sql("select min(year) from statistics_manual_count")
                .query(Integer.class)
                .optional();
    }
}
