package cn.college.disclosure.channel.ledscreen.screens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The screens (polling screens and pushed controllers) that acknowledged something or failed to,
 * with their last acknowledgement and their last error. Public because the push adapters record
 * their controllers' acknowledgements and errors here too.
 */
public class Screens {

    private final JdbcClient jdbc;
    private final Clock clock;

    Screens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A screen's last acknowledgement and, if the last thing that happened to it was a failure, its
     * last error.
     *
     * @param at {@code null} if it never acknowledged
     * @param lastError the failure since the last acknowledgement; {@code null} once one succeeded
     * @param failures failures ever recorded
     */
    record LastAck(
            String screenId,
            String group,
            @Nullable Instant at,
            @Nullable Long feedVersion,
            long acks,
            @Nullable String lastError,
            @Nullable Instant lastErrorAt,
            long failures) {}

    /** The screen shows the feed version; a failure recorded before is over. */
    public void acknowledged(String screenId, String group, long feedVersion) {
        jdbc.sql(
                        "insert into led_screen (screen_id, group_name, last_ack_at,"
                                + " last_feed_version, acks) values (:id, :group, :at, :version, 1)"
                                + " on conflict (screen_id) do update set group_name = :group,"
                                + " last_ack_at = :at, last_feed_version = :version, acks ="
                                + " led_screen.acks + 1, last_error = null")
                .param("id", screenId)
                .param("group", group)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("version", feedVersion)
                .update();
    }

    /** Showing the group's feed on the screen failed, for the reason given. */
    public void failed(String screenId, String group, String error) {
        jdbc.sql(
                        "insert into led_screen (screen_id, group_name, acks, last_error,"
                                + " last_error_at, failures) values (:id, :group, 0, :error, :at, 1)"
                                + " on conflict (screen_id) do update set group_name = :group,"
                                + " last_error = :error, last_error_at = :at, failures ="
                                + " led_screen.failures + 1")
                .param("id", screenId)
                .param("group", group)
                .param("error", error)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<LastAck> all() {
        return jdbc.sql(
                        "select screen_id, group_name, last_ack_at, last_feed_version, acks,"
                                + " last_error, last_error_at, failures from led_screen")
                .query(Screens::lastAck)
                .list();
    }

    private static LastAck lastAck(ResultSet row, int number) throws SQLException {
        long version = row.getLong("last_feed_version");
        boolean neverAcknowledged = row.wasNull();
        return new LastAck(
                row.getString("screen_id"),
                row.getString("group_name"),
                instant(row.getTimestamp("last_ack_at")),
                neverAcknowledged ? null : version,
                row.getLong("acks"),
                row.getString("last_error"),
                instant(row.getTimestamp("last_error_at")),
                row.getLong("failures"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
