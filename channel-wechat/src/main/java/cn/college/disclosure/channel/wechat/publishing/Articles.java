package cn.college.disclosure.channel.wechat.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The step ledger of WeChat publications, one row per (item, version): each step is committed
 * before the next call, so that after a crash the adapter knows what WeChat may already have.
 */
class Articles {

    /** Where the publication of a version stands. */
    enum Step {
        STARTED,
        REPLACING,
        OLD_DELETED,
        DRAFTED,
        SUBMITTING,
        SUBMITTED,
        FINISHED
    }

    record Article(
            UUID itemId,
            int version,
            Step step,
            @Nullable String canonicalUrl,
            @Nullable String replacedArticleId,
            @Nullable String draftMediaId,
            @Nullable Instant submitStartedAt,
            @Nullable String publishId,
            @Nullable Integer publishStatus,
            @Nullable String articleId,
            @Nullable String articleUrl,
            @Nullable String warnings,
            int polls) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Articles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Article> find(UUID itemId, int version) {
        return jdbc.sql("select * from wechat_article where item_id = ? and version = ?")
                .params(itemId, version)
                .query(Articles::article)
                .optional();
    }

    Optional<Article> byPublishId(String publishId) {
        return jdbc.sql("select * from wechat_article where publish_id = ?")
                .param(publishId)
                .query(Articles::article)
                .optional();
    }

    Article start(UUID itemId, int version, String canonicalUrl) {
        jdbc.sql(
                        "insert into wechat_article (item_id, version, step, canonical_url, updated_at)"
                                + " values (?, ?, 'STARTED', ?, ?) on conflict (item_id, version) do"
                                + " nothing")
                .params(itemId, version, canonicalUrl, now())
                .update();
        return find(itemId, version).orElseThrow();
    }

    void replacing(UUID itemId, int version, String oldArticleId) {
        update(itemId, version, "step = 'REPLACING', replaced_article_id = ?", oldArticleId);
    }

    void oldDeleted(UUID itemId, int version) {
        update(itemId, version, "step = 'OLD_DELETED'");
    }

    void drafted(UUID itemId, int version, String mediaId, @Nullable String warnings) {
        update(
                itemId,
                version,
                "step = 'DRAFTED', draft_media_id = ?, warnings = ?",
                mediaId,
                warnings);
    }

    void submitting(UUID itemId, int version) {
        update(itemId, version, "step = 'SUBMITTING', submit_started_at = ?", now());
    }

    void submitted(UUID itemId, int version, String publishId) {
        update(itemId, version, "step = 'SUBMITTED', publish_id = ?", publishId);
    }

    void finished(
            UUID itemId,
            int version,
            int status,
            @Nullable String articleId,
            @Nullable String url) {
        update(
                itemId,
                version,
                "step = 'FINISHED', publish_status = ?, article_id = coalesce(?, article_id),"
                        + " article_url = coalesce(?, article_url)",
                status,
                articleId,
                url);
    }

    int polled(UUID itemId, int version) {
        return jdbc.sql(
                        "update wechat_article set polls = polls + 1 where item_id = ? and version = ?"
                                + " returning polls")
                .params(itemId, version)
                .query(Integer.class)
                .single();
    }

    private void update(UUID itemId, int version, String set, @Nullable Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = now();
        params[values.length + 1] = itemId;
        params[values.length + 2] = version;
        jdbc.sql(
                        "update wechat_article set "
                                + set
                                + ", updated_at = ? where item_id = ? and version = ?")
                .params(params)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Article article(ResultSet row, int number) throws SQLException {
        Timestamp submit = row.getTimestamp("submit_started_at");
        int status = row.getInt("publish_status");
        return new Article(
                row.getObject("item_id", UUID.class),
                row.getInt("version"),
                Step.valueOf(row.getString("step")),
                row.getString("canonical_url"),
                row.getString("replaced_article_id"),
                row.getString("draft_media_id"),
                submit == null ? null : submit.toInstant(),
                row.getString("publish_id"),
                row.wasNull() ? null : status,
                row.getString("article_id"),
                row.getString("article_url"),
                row.getString("warnings"),
                row.getInt("polls"));
    }
}
