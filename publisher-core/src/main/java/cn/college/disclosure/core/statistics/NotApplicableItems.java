package cn.college.disclosure.core.statistics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue items that do not apply to the college (不涉及): {@code
 * publisher.statistics.not-applicable-items} as the default, with an admin's decisions per item
 * stored in {@code statistics_not_applicable} taking precedence, so a change needs no redeploy.
 */
@Repository
class NotApplicableItems {

    private final JdbcClient jdbc;
    private final StatisticsProperties properties;

    NotApplicableItems(JdbcClient jdbc, StatisticsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The items marked 不涉及 now. */
    Set<Integer> current() {
        Set<Integer> items = new TreeSet<>(properties.notApplicableItems());
        jdbc.sql("select catalogue_item, not_applicable from statistics_not_applicable")
                .query(
                        rs -> {
                            if (rs.getBoolean("not_applicable")) {
                                items.add(rs.getInt("catalogue_item"));
                            } else {
                                items.remove(rs.getInt("catalogue_item"));
                            }
                        });
        return items;
    }

    /** Records an admin's decision on one item, replacing an earlier one. */
    void mark(int catalogueItem, boolean notApplicable, String by, Instant at) {
        jdbc.sql(
                        """
                        insert into statistics_not_applicable
                            (catalogue_item, not_applicable, updated_by, updated_at)
                        values (?, ?, ?, ?)
                        on conflict (catalogue_item) do update set
                            not_applicable = excluded.not_applicable,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .params(catalogueItem, notApplicable, by, at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
