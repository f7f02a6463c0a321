package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics' questions to the delivery ledger (tables {@code delivery}, {@code item}, {@code
 * item_version}), read-only. An item's attributes (catalogue item, production date, title) are
 * those of the version whose delivery came first; an item unknown to the core (a channel reported
 * on it anyway) has none.
 */
@Repository
class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An item's first delivery on a channel.
     *
     * @param externalUrl where the item is on the channel; none once it is retracted (a dead page)
     * @param retracted whether the item is now off the channel: the newest version that reached the
     *     channel (DELIVERED or RETRACTED) is RETRACTED. A version replaced by a newer delivered
     *     one is not a retraction; a retraction reported on the newest version takes the item off,
     *     whatever an older version's row still says
     */
    record FirstDelivery(
            UUID itemId,
            Channel channel,
            Instant firstDeliveredAt,
            int version,
            @Nullable String department,
            @Nullable Integer catalogueItem,
            @Nullable String title,
            @Nullable String externalUrl,
            boolean retracted) {}

    /** An item's first disclosure on any channel. */
    record FirstDisclosure(
            UUID itemId,
            Instant firstDeliveredAt,
            @Nullable Integer catalogueItem,
            @Nullable LocalDate producedOn) {}

    /** A delivery whose latest report is FAILED. */
    record Failure(Channel channel, @Nullable Integer catalogueItem, Instant reportedAt) {}

    /** The (item, channel) pairs whose first delivery on the channel lies in {@code [from, to)}. */
    List<FirstDelivery> firstDeliveries(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        with candidates as (
                            select distinct item_id, channel from delivery
                            where first_delivered_at >= :from and first_delivered_at < :to
                        ), firsts as (
                            select c.item_id, c.channel, m.first_at from candidates c
                            cross join lateral (select min(d.first_delivered_at) as first_at
                                from delivery d
                                where d.item_id = c.item_id and d.channel = c.channel) m
                            where m.first_at >= :from
                        )
                        select f.item_id, f.channel, f.first_at, fv.version, i.department,
                            v.catalogue_item, v.title,
                            case when coalesce(r.status, '') = 'RETRACTED' then null else
                            (select x.external_url from delivery x
                              where x.item_id = f.item_id and x.channel = f.channel
                                and x.external_url is not null
                              order by (x.status = 'DELIVERED') desc, x.version desc limit 1)
                            end as external_url,
                            coalesce(r.status, '') = 'RETRACTED' as retracted
                        from firsts f
                        cross join lateral (select d.version from delivery d
                            where d.item_id = f.item_id and d.channel = f.channel
                              and d.first_delivered_at = f.first_at
                            order by d.version limit 1) fv
                        left join lateral (select x.status from delivery x
                            where x.item_id = f.item_id and x.channel = f.channel
                              and x.status in ('DELIVERED', 'RETRACTED')
                            order by x.version desc limit 1) r on true
                        left join item_version v on v.item_id = f.item_id and v.version = fv.version
                        left join item i on i.id = f.item_id
                        order by f.first_at, f.item_id, f.channel
                        """)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(
                        (rs, row) ->
                                new FirstDelivery(
                                        rs.getObject("item_id", UUID.class),
                                        Channel.valueOf(rs.getString("channel")),
                                        instant(rs, "first_at"),
                                        rs.getInt("version"),
                                        rs.getString("department"),
                                        (Integer) rs.getObject("catalogue_item"),
                                        rs.getString("title"),
                                        rs.getString("external_url"),
                                        rs.getBoolean("retracted")))
                .list();
    }

    /** The items whose first delivery on any channel lies in {@code [from, to)}. */
    List<FirstDisclosure> firstDisclosures(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        with candidates as (
                            select distinct item_id from delivery
                            where first_delivered_at >= :from and first_delivered_at < :to
                        ), firsts as (
                            select c.item_id, m.first_at from candidates c
                            cross join lateral (select min(d.first_delivered_at) as first_at
                                from delivery d where d.item_id = c.item_id) m
                            where m.first_at >= :from
                        )
                        select f.item_id, f.first_at, v.catalogue_item, v.produced_on
                        from firsts f
                        cross join lateral (select d.version from delivery d
                            where d.item_id = f.item_id and d.first_delivered_at = f.first_at
                            order by d.version limit 1) fv
                        left join item_version v on v.item_id = f.item_id and v.version = fv.version
                        """)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(
                        (rs, row) ->
                                new FirstDisclosure(
                                        rs.getObject("item_id", UUID.class),
                                        instant(rs, "first_at"),
                                        (Integer) rs.getObject("catalogue_item"),
                                        rs.getObject("produced_on", LocalDate.class)))
                .list();
    }

    /** Deliveries now FAILED whose failing report occurred in {@code [from, to)}. */
    List<Failure> failures(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select d.channel, v.catalogue_item, d.reported_at
                        from delivery d
                        left join item_version v on v.item_id = d.item_id and v.version = d.version
                        where d.status = 'FAILED' and d.reported_at >= :from and d.reported_at < :to
                        """)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(
                        (rs, row) ->
                                new Failure(
                                        Channel.valueOf(rs.getString("channel")),
                                        (Integer) rs.getObject("catalogue_item"),
                                        instant(rs, "reported_at")))
                .list();
    }

    /** Every first-delivery instant of the item, on any channel and version. */
    List<Instant> deliveryInstantsOf(UUID itemId) {
        return jdbc.sql(
                        "select first_delivered_at from delivery where item_id = ? and first_delivered_at is not null")
                .param(itemId)
                .query((rs, row) -> instant(rs, "first_delivered_at"))
                .list();
    }

    /** The earliest delivery in the ledger, if any. */
    Optional<Instant> earliestDelivery() {
        return jdbc.sql("select min(first_delivered_at) as first from delivery")
                .query((rs, row) -> nullableInstant(rs, "first"))
                .optional();
    }

    /**
     * How many (item, channel) pairs were first delivered in {@code [from, to)}, counted directly
     * over the ledger: the check against the fact table.
     */
    List<ChannelTotal> directCounts(Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select channel, count(*) as n from (
                            select item_id, channel from delivery
                            where first_delivered_at is not null
                            group by item_id, channel
                            having min(first_delivered_at) >= :from and min(first_delivered_at) < :to
                        ) firsts group by channel
                        """)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(
                        (rs, row) ->
                                new ChannelTotal(
                                        Channel.valueOf(rs.getString("channel")), rs.getLong("n")))
                .list();
    }

    record ChannelTotal(Channel channel, long count) {}

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new IllegalStateException("No " + column + " in a statistics row");
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column)
            throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
