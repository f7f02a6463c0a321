package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The latest known status of each (item, version, channel). */
@Repository
class Deliveries {

    private static final TypeReference<List<DeliveryWarning>> WARNINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Deliveries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A stored delivery; {@code reportedAt} is when the channel's latest applied report occurred.
     */
    record Delivery(
            UUID itemId,
            int version,
            Channel channel,
            DeliveryStatus status,
            int attempts,
            @Nullable URI externalUrl,
            @Nullable String detail,
            @Nullable String lastError,
            @Nullable Instant reportedAt,
            Instant updatedAt,
            @Nullable Instant firstDeliveredAt,
            List<DeliveryWarning> warnings) {

        Delivery {
            warnings = List.copyOf(warnings);
        }
    }

    /** Adds a PENDING delivery unless the channel already reported on the version. */
    void addPending(UUID itemId, int version, Channel channel, Instant now) {
        jdbc.sql(
                        """
                        insert into delivery (item_id, version, channel, status, attempts, updated_at)
                        values (?, ?, ?, 'PENDING', 0, ?) on conflict do nothing
                        """)
                .params(itemId, version, channel.name(), utc(now))
                .update();
    }

    Optional<Delivery> findForUpdate(UUID itemId, int version, Channel channel) {
        return jdbc.sql(
                        "select * from delivery where item_id = ? and version = ? and channel = ? for update")
                .params(itemId, version, channel.name())
                .query(this::map)
                .optional();
    }

    void save(Delivery delivery) {
        jdbc.sql(
                        """
                        insert into delivery (item_id, version, channel, status, attempts, external_url,
                            detail, last_error, reported_at, updated_at, first_delivered_at, warnings)
                        values (:item, :version, :channel, :status, :attempts, :url, :detail, :error,
                            :reportedAt, :updatedAt, :firstDeliveredAt, cast(:warnings as jsonb))
                        on conflict (item_id, version, channel) do update set status = excluded.status,
                            attempts = excluded.attempts, external_url = excluded.external_url,
                            detail = excluded.detail, last_error = excluded.last_error,
                            reported_at = excluded.reported_at, updated_at = excluded.updated_at,
                            first_delivered_at = least(delivery.first_delivered_at,
                                excluded.first_delivered_at), warnings = excluded.warnings
                        """)
                .param("item", delivery.itemId())
                .param("version", delivery.version())
                .param("channel", delivery.channel().name())
                .param("status", delivery.status().name())
                .param("attempts", delivery.attempts())
                .param(
                        "url",
                        delivery.externalUrl() == null ? null : delivery.externalUrl().toString())
                .param("detail", delivery.detail())
                .param("error", delivery.lastError())
                .param("reportedAt", utc(delivery.reportedAt()))
                .param("updatedAt", utc(delivery.updatedAt()))
                .param("firstDeliveredAt", utc(delivery.firstDeliveredAt()))
                .param("warnings", json.writeValueAsString(delivery.warnings()))
                .update();
    }

    /**
     * Records that the version was delivered at {@code at} if that is earlier than what is known,
     * without touching its current status: a DELIVERED report that arrives after a newer one still
     * dates the first delivery.
     */
    void recordDeliveredAt(UUID itemId, int version, Channel channel, Instant at) {
        jdbc.sql(
                        """
                        update delivery set first_delivered_at = least(first_delivered_at, ?)
                        where item_id = ? and version = ? and channel = ?
                        """)
                .params(utc(at), itemId, version, channel.name())
                .update();
    }

    /**
     * Takes the older versions that were live on the channel off it as well: a channel retracts the
     * item, whichever version it shows, and reports the retraction on the version it was asked to
     * retract. Their first delivery stays (the statistics count it), their link goes (a dead page).
     */
    void retractOlderVersions(UUID itemId, int version, Channel channel, Instant at) {
        jdbc.sql(
                        """
                        update delivery set status = 'RETRACTED', external_url = null,
                            reported_at = greatest(reported_at, :at), updated_at = :at
                        where item_id = :item and channel = :channel and version < :version
                          and status = 'DELIVERED'
                        """)
                .param("at", utc(at))
                .param("item", itemId)
                .param("channel", channel.name())
                .param("version", version)
                .update();
    }

    /** Records the report's event id; false if it was recorded before. */
    boolean markProcessed(UUID eventId, Instant now) {
        return jdbc.sql(
                                "insert into processed_report (event_id, received_at) values (?, ?) on conflict do nothing")
                        .params(eventId, utc(now))
                        .update()
                > 0;
    }

    List<Delivery> ofItems(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select * from delivery where item_id = any(?) order by version desc, channel")
                .param(itemIds.toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    List<UUID> itemsWith(@Nullable Channel channel, @Nullable DeliveryStatus status) {
        return jdbc.sql(
                        """
                        select distinct item_id from delivery
                        where (cast(:channel as varchar) is null or channel = :channel)
                          and (cast(:status as varchar) is null or status = :status)
                        """)
                .param("channel", channel == null ? null : channel.name())
                .param("status", status == null ? null : status.name())
                .query(UUID.class)
                .list();
    }

    /** Per channel and status, how many deliveries there are. */
    List<StatusCount> countByChannelAndStatus() {
        return jdbc.sql(
                        "select channel, status, count(*) as n from delivery group by channel, status")
                .query(
                        (rs, row) ->
                                new StatusCount(
                                        Channel.valueOf(rs.getString("channel")),
                                        DeliveryStatus.valueOf(rs.getString("status")),
                                        rs.getLong("n")))
                .list();
    }

    record StatusCount(Channel channel, DeliveryStatus status, long count) {}

    /** Per channel, how many deliveries are DELIVERED with warnings. */
    List<ChannelTotal> deliveredWithWarnings() {
        return jdbc.sql(
                        """
                        select channel, count(*) as n from delivery
                        where status = 'DELIVERED' and jsonb_array_length(warnings) > 0
                        group by channel
                        """)
                .query(
                        (rs, row) ->
                                new ChannelTotal(
                                        Channel.valueOf(rs.getString("channel")), rs.getLong("n")))
                .list();
    }

    record ChannelTotal(Channel channel, long count) {}

    /** Per channel, when its latest delivered report occurred. */
    List<LastDelivery> lastDeliveries() {
        return jdbc.sql(
                        "select channel, max(updated_at) as last from delivery where status = 'DELIVERED' group by channel")
                .query(
                        (rs, row) ->
                                new LastDelivery(
                                        Channel.valueOf(rs.getString("channel")),
                                        instant(rs, "last")))
                .list();
    }

    record LastDelivery(Channel channel, @Nullable Instant at) {}

    private Delivery map(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("external_url");
        Instant updatedAt = instant(rs, "updated_at");
        if (updatedAt == null) {
            throw new IllegalStateException("A delivery without updated_at");
        }
        return new Delivery(
                rs.getObject("item_id", UUID.class),
                rs.getInt("version"),
                Channel.valueOf(rs.getString("channel")),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                url == null ? null : URI.create(url),
                rs.getString("detail"),
                rs.getString("last_error"),
                instant(rs, "reported_at"),
                updatedAt,
                instant(rs, "first_delivered_at"),
                json.readValue(rs.getString("warnings"), WARNINGS));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
