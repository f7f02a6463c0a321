package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records the channels sent to the dead-letter topic, until an operator retries them. */
@Repository
class DeadLetters {

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A dead-lettered record.
     *
     * @param id topic-partition-offset of the record on the dead-letter topic
     * @param version the event's version, when the record could be read
     */
    record DeadLetter(
            String id,
            @Nullable UUID itemId,
            @Nullable Integer version,
            @Nullable Channel channel,
            @Nullable String eventType,
            @Nullable String exceptionMessage,
            Instant receivedAt,
            @Nullable String title) {}

    /** Keeps the record once, however often the topic is read again. */
    void record(
            String id,
            @Nullable UUID itemId,
            @Nullable Integer version,
            @Nullable Channel channel,
            @Nullable String consumerGroup,
            @Nullable String eventType,
            @Nullable String exceptionMessage,
            Instant receivedAt) {
        jdbc.sql(
                        """
                        insert into dead_letter (id, item_id, version, channel, consumer_group,
                            event_type, exception_message, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                .params(
                        id,
                        itemId,
                        version,
                        channel == null ? null : channel.name(),
                        consumerGroup,
                        eventType,
                        exceptionMessage,
                        ChannelStatuses.utc(receivedAt))
                .update();
    }

    /** Records nobody retried yet that name an item and a channel, newest first. */
    List<DeadLetter> open(int limit) {
        return jdbc.sql(
                        """
                        select d.*, v.title from dead_letter d
                        left join item_version v on v.item_id = d.item_id and v.version = d.version
                        where d.retried_at is null and d.item_id is not null and d.channel is not null
                        order by d.received_at desc limit ?
                        """)
                .param(limit)
                .query(
                        (rs, row) -> {
                            String channel = rs.getString("channel");
                            Instant received = ChannelStatuses.instant(rs, "received_at");
                            return new DeadLetter(
                                    rs.getString("id"),
                                    rs.getObject("item_id", UUID.class),
                                    rs.getObject("version", Integer.class),
                                    channel == null ? null : Channel.valueOf(channel),
                                    rs.getString("event_type"),
                                    rs.getString("exception_message"),
                                    received == null ? Instant.EPOCH : received,
                                    rs.getString("title"));
                        })
                .list();
    }

    Optional<String> anyOpen(UUID itemId, int version, Channel channel) {
        return jdbc.sql(
                        """
                        select id from dead_letter where item_id = ? and version = ? and channel = ?
                        and retried_at is null limit 1
                        """)
                .params(itemId, version, channel.name())
                .query(String.class)
                .optional();
    }

    /** Marks the (item, version, channel)'s records as retried: they leave the failure list. */
    void markRetried(UUID itemId, int version, Channel channel, String by, Instant at) {
        jdbc.sql(
                        """
                        update dead_letter set retried_by = ?, retried_at = ?
                        where item_id = ? and version = ? and channel = ? and retried_at is null
                        """)
                .params(by, ChannelStatuses.utc(at), itemId, version, channel.name())
                .update();
    }
}
