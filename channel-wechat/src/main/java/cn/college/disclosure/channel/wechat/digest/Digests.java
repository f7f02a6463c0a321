package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient.DraftArticle;
import cn.college.disclosure.channel.wechat.digest.DigestSelection.Candidate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The digest ledger of one account ({@code wechat_digest}) and the approved items waiting for a
 * digest ({@code wechat_digest_entry}). Every step is committed before the next WeChat call.
 */
class Digests {

    enum Status {
        PLANNED,
        DRAFTED,
        PARKED,
        SENT,
        FAILED,
        EMPTY;

        boolean open() {
            return this == PLANNED || this == DRAFTED || this == PARKED;
        }
    }

    record Digest(
            String id,
            LocalDate day,
            Instant cutOff,
            Status status,
            @Nullable String draftMediaId,
            @Nullable String msgId,
            @Nullable String detail,
            int rolledOver,
            int attempts,
            @Nullable Instant sendAfter,
            @Nullable Instant sentAt) {}

    /** An item of a digest, in the digest's order. */
    record Item(UUID itemId, int version, Instant approvedAt, String title) {}

    private final String appId;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    Digests(String appId, JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.appId = appId;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    Optional<Digest> find(String id) {
        return jdbc.sql("select * from wechat_digest where app_id = ? and id = ?")
                .params(appId, id)
                .query(Digests::digest)
                .optional();
    }

    /** The newest first. */
    List<Digest> recent(int limit) {
        return jdbc.sql(
                        "select * from wechat_digest where app_id = ? order by day desc, id desc limit ?")
                .params(appId, limit)
                .query(Digests::digest)
                .list();
    }

    /** Digests not yet sent, failed or empty, the oldest first. */
    List<Digest> open() {
        return jdbc.sql(
                        "select * from wechat_digest where app_id = ? and status in ('PLANNED',"
                                + " 'DRAFTED', 'PARKED') order by day, id")
                .param(appId)
                .query(Digests::digest)
                .list();
    }

    /** Whether a digest reached the followers between the two instants (its day's slot). */
    boolean sentBetween(Instant from, Instant to) {
        return jdbc.sql(
                                "select count(*) from wechat_digest where app_id = ? and status = 'SENT'"
                                        + " and sent_at >= ? and sent_at < ?")
                        .params(appId, utc(from), utc(to))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Approved versions no digest took yet, whose article was submitted and has not failed. */
    List<Candidate> candidates() {
        return jdbc.sql(
                        """
                        select e.item_id, e.version, e.approved_at, e.title
                        from wechat_digest_entry e
                        join wechat_article a on a.item_id = e.item_id and a.version = e.version
                        where e.digest_id is null
                          and (a.publish_id is not null or a.step = 'FINISHED')
                          and coalesce(a.publish_status, 0) in (0, 1)
                        """)
                .query(
                        (row, n) ->
                                new Candidate(
                                        row.getObject("item_id", UUID.class),
                                        row.getInt("version"),
                                        row.getTimestamp("approved_at").toInstant(),
                                        row.getString("title")))
                .list();
    }

    /**
     * Records the day's digest with its items, in one transaction, before anything is sent; empty
     * if another instance recorded it first.
     */
    Optional<Digest> plan(
            String id, LocalDate day, Instant cutOff, List<Candidate> taken, int rolledOver) {
        return Optional.ofNullable(
                transactions.execute(
                        status -> {
                            int inserted =
                                    jdbc.sql(
                                                    """
                                                    insert into wechat_digest (app_id, id, day, cut_off,
                                                        status, detail, rolled_over, created_at, updated_at)
                                                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                                                    on conflict (app_id, id) do nothing
                                                    """)
                                            .params(
                                                    appId,
                                                    id,
                                                    day,
                                                    utc(cutOff),
                                                    taken.isEmpty() ? "EMPTY" : "PLANNED",
                                                    taken.isEmpty()
                                                            ? "no item approved since the last digest"
                                                            : null,
                                                    rolledOver,
                                                    now(),
                                                    now())
                                            .update();
                            if (inserted == 0) {
                                return null;
                            }
                            int position = 0;
                            for (Candidate candidate : taken) {
                                jdbc.sql(
                                                "update wechat_digest_entry set digest_id = ?,"
                                                        + " position = ? where item_id = ? and"
                                                        + " version = ? and digest_id is null")
                                        .params(
                                                id,
                                                position++,
                                                candidate.itemId(),
                                                candidate.version())
                                        .update();
                            }
                            return find(id).orElseThrow();
                        }));
    }

    List<Item> items(String id) {
        return jdbc.sql(
                        "select item_id, version, approved_at, title from wechat_digest_entry where"
                                + " digest_id = ? order by position")
                .param(id)
                .query(
                        (row, n) ->
                                new Item(
                                        row.getObject("item_id", UUID.class),
                                        row.getInt("version"),
                                        row.getTimestamp("approved_at").toInstant(),
                                        row.getString("title")))
                .list();
    }

    List<DraftArticle> articles(String id) {
        return jdbc.sql(
                        "select title, author, summary, content, content_source_url, thumb_media_id"
                                + " from wechat_digest_entry where digest_id = ? order by position")
                .param(id)
                .query(
                        (row, n) ->
                                new DraftArticle(
                                        row.getString("title"),
                                        row.getString("author"),
                                        row.getString("summary"),
                                        row.getString("content"),
                                        row.getString("content_source_url"),
                                        row.getString("thumb_media_id")))
                .list();
    }

    void drafted(String id, String mediaId) {
        update(id, "status = 'DRAFTED', draft_media_id = ?", mediaId);
    }

    void attempted(String id) {
        update(id, "attempts = attempts + 1");
    }

    void sent(String id, @Nullable String msgId, String detail) {
        update(
                id,
                "status = 'SENT', msg_id = ?, detail = ?, sent_at = ?, send_after = null",
                msgId,
                detail,
                now());
    }

    /** Waits until {@code until}, visibly: PARKED with the reason. */
    void parked(String id, Instant until, String detail) {
        update(id, "status = 'PARKED', send_after = ?, detail = ?", utc(until), detail);
    }

    /** Stays as it is (same draft, same clientmsgid) and is tried again at the next pass. */
    void stillDue(String id, String detail) {
        update(id, "send_after = null, detail = ?", detail);
    }

    void failed(String id, String detail) {
        update(id, "status = 'FAILED', send_after = null, detail = ?", detail);
    }

    private void update(String id, String set, @Nullable Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = now();
        params[values.length + 1] = appId;
        params[values.length + 2] = id;
        jdbc.sql("update wechat_digest set " + set + ", updated_at = ? where app_id = ? and id = ?")
                .params(params)
                .update();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Digest digest(ResultSet row, int number) throws SQLException {
        return new Digest(
                row.getString("id"),
                row.getObject("day", LocalDate.class),
                row.getTimestamp("cut_off").toInstant(),
                Status.valueOf(row.getString("status")),
                row.getString("draft_media_id"),
                row.getString("msg_id"),
                row.getString("detail"),
                row.getInt("rolled_over"),
                row.getInt("attempts"),
                instant(row.getTimestamp("send_after")),
                instant(row.getTimestamp("sent_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
