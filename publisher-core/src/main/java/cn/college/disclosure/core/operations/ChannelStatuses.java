package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ChannelStatusReported;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest status report of every channel service instance. */
@Repository
class ChannelStatuses {

    private final JdbcClient jdbc;

    ChannelStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored report; {@code receivedAt} is the core's clock, which decides staleness (the
     * channel's clock may be off).
     */
    record Status(
            Channel channel,
            String instance,
            Instant occurredAt,
            Instant receivedAt,
            boolean up,
            boolean paused,
            @Nullable String pausedReason,
            @Nullable Instant resumesAt,
            @Nullable String circuitBreaker,
            @Nullable Instant lastSuccessAt) {}

    /** Keeps the report unless a newer one of the same instance is stored. */
    void record(ChannelStatusReported report, Instant receivedAt) {
        jdbc.sql(
                        """
                        insert into channel_status (channel, instance, occurred_at, received_at, up,
                            paused, paused_reason, resumes_at, circuit_breaker, last_success_at)
                        values (:channel, :instance, :occurred, :received, :up, :paused, :reason,
                            :resumes, :breaker, :success)
                        on conflict (channel, instance) do update set
                            occurred_at = excluded.occurred_at, received_at = excluded.received_at,
                            up = excluded.up, paused = excluded.paused,
                            paused_reason = excluded.paused_reason,
                            resumes_at = excluded.resumes_at,
                            circuit_breaker = excluded.circuit_breaker,
                            last_success_at = excluded.last_success_at
                        where channel_status.occurred_at <= excluded.occurred_at
                        """)
                .param("channel", report.channel().name())
                .param("instance", report.instance())
                .param("occurred", utc(report.occurredAt()))
                .param("received", utc(receivedAt))
                .param("up", report.up())
                .param("paused", report.paused())
                .param("reason", report.pausedReason())
                .param("resumes", utc(report.resumesAt()))
                .param("breaker", report.circuitBreaker())
                .param("success", utc(report.lastSuccessAt()))
                .update();
    }

    /** Every instance's latest report, newest first. */
    List<Status> all() {
        return jdbc.sql("select * from channel_status order by occurred_at desc")
                .query(ChannelStatuses::map)
                .list();
    }

    private static Status map(ResultSet rs, int row) throws SQLException {
        return new Status(
                Channel.valueOf(rs.getString("channel")),
                rs.getString("instance"),
                required(rs, "occurred_at"),
                required(rs, "received_at"),
                rs.getBoolean("up"),
                rs.getBoolean("paused"),
                rs.getString("paused_reason"),
                instant(rs, "resumes_at"),
                rs.getString("circuit_breaker"),
                instant(rs, "last_success_at"));
    }

    private static Instant required(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new IllegalStateException("channel_status." + column + " is null");
        }
        return value;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
