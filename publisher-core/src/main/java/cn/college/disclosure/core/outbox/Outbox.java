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

    /** The first key of the outbox's advisory lock, apart from other users' locks. */
    private static final int LOCK_SPACE = 0x4F555442;

    /** The second key: the relay's lock. */
    private static final int RELAY_LOCK = 1;

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
     * Makes this transaction the one relay that sends, if no other transaction of any instance is
     * relaying: a transaction-scoped advisory lock, released when the batch commits or rolls back,
     * and by the server when the holder's connection dies (a killed instance leaves no lock
     * behind). Relaying one at a time keeps each item's events in the order they were written.
     */
    boolean tryLockRelay() {
        return Boolean.TRUE.equals(
                jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
                        .params(LOCK_SPACE, RELAY_LOCK)
                        .query(Boolean.class)
                        .single());
    }

    /** The oldest unsent rows, in the order they were written; call it holding the relay lock. */
    List<Entry> oldestUnsent(int limit) {
        return jdbc.sql(
                        """
                        select id, event_type, topic, message_key, payload from outbox
                        where sent_at is null order by id limit ?
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

    /**
     * Deletes up to {@code limit} rows sent before {@code sentBefore}; an unsent row is never
     * deleted, however old.
     *
     * @return how many rows were deleted
     */
    int deleteSentBefore(Instant sentBefore, int limit) {
        return jdbc.sql(
                        """
                        delete from outbox where id in (
                            select id from outbox where sent_at < ? order by sent_at limit ?)
                        """)
                .params(sentBefore.atOffset(ZoneOffset.UTC), limit)
                .update();
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
