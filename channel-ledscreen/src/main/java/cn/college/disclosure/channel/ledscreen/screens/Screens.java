package cn.college.disclosure.channel.ledscreen.screens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The screens that acknowledged something, with their last acknowledgement. */
class Screens {

    private final JdbcClient jdbc;
    private final Clock clock;

    Screens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A screen's last acknowledgement. */
    record LastAck(String screenId, String group, Instant at, long feedVersion, long acks) {}

    void acknowledged(String screenId, String group, long feedVersion) {
        jdbc.sql(
                        "insert into led_screen (screen_id, group_name, last_ack_at,"
                                + " last_feed_version, acks) values (:id, :group, :at, :version, 1)"
                                + " on conflict (screen_id) do update set group_name = :group,"
                                + " last_ack_at = :at, last_feed_version = :version, acks ="
                                + " led_screen.acks + 1")
                .param("id", screenId)
                .param("group", group)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("version", feedVersion)
                .update();
    }

    List<LastAck> all() {
        return jdbc.sql(
                        "select screen_id, group_name, last_ack_at, last_feed_version, acks from"
                                + " led_screen")
                .query(Screens::lastAck)
                .list();
    }

    private static LastAck lastAck(ResultSet row, int number) throws SQLException {
        return new LastAck(
                row.getString("screen_id"),
                row.getString("group_name"),
                row.getTimestamp("last_ack_at").toInstant(),
                row.getLong("last_feed_version"),
                row.getLong("acks"));
    }
}
