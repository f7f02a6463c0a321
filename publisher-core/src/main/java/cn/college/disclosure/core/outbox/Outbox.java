package cn.college.disclosure.core.outbox;

import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.WireTypes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The outbox table: events waiting to be sent, in the order they were written. */
@Repository
class Outbox {

    private static final Map<Class<?>, String> TYPE_IDS =
            WireTypes.ITEM_EVENTS.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    Outbox(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    /** One unsent row, its payload read back into the contract record. */
    record Entry(long id, String topic, String key, PublicationEvent event) {}

    /** Adds the event; must run in the transaction of the change that caused it. */
    void add(String topic, PublicationEvent event, Instant now) {
        jdbc.sql(
                        """
                        insert into outbox (event_id, event_type, topic, message_key, payload, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        event.eventId(),
                        TYPE_IDS.get(event.getClass()),
                        topic,
                        event.itemId().toString(),
                        jsonMapper.writeValueAsString(event),
                        now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * The oldest unsent rows, locked until the transaction ends; rows another relay holds are
     * skipped, so two instances never send the same row at once.
     */
    List<Entry> lockUnsent(int limit) {
        return jdbc.sql(
                        """
                        select id, event_type, topic, message_key, payload from outbox
                        where sent_at is null order by id limit ? for update skip locked
                        """)
                .param(limit)
                .query(
                        (rs, row) ->
                                new Entry(
                                        rs.getLong("id"),
                                        rs.getString("topic"),
                                        rs.getString("message_key"),
                                        jsonMapper.readValue(
                                                rs.getString("payload"),
                                                WireTypes.ITEM_EVENTS.get(
                                                        rs.getString("event_type")))))
                .list();
    }

    void markSent(long id, Instant now) {
        jdbc.sql(
                        "update outbox set sent_at = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = null where id = ?")
                .params(now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), id)
                .update();
    }

    void markFailed(long id, String error, Instant now) {
        jdbc.sql(
                        "update outbox set attempts = attempts + 1, last_attempt_at = ?, last_error = ? where id = ?")
                .params(now.atOffset(ZoneOffset.UTC), error, id)
                .update();
    }
}
