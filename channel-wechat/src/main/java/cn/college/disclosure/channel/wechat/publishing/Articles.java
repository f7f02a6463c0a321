package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.contract.DeliveryWarning;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The step ledger of WeChat publications, one row per (item, version): each step is committed
 * before the call it names ({@code DRAFTING} before {@code draft/add}, {@code SUBMITTING} before
 * {@code freepublish/submit}) and its answer right after, so that after a crash or a lost answer
 * the adapter knows what WeChat may already have and asks WeChat about exactly that.
 */
class Articles {

    /** Where the publication of a version stands. */
    enum Step {
        STARTED,
        REPLACING,
        OLD_DELETED,
        /** {@code draft/add} was called; its media_id is unknown until the answer came. */
        DRAFTING,
        DRAFTED,
        /** {@code freepublish/submit} was called; its publish_id is unknown until the answer. */
        SUBMITTING,
        SUBMITTED,
        FINISHED
    }

    record Article(
            UUID itemId,
            int version,
            Step step,
            @Nullable String canonicalUrl,
            @Nullable String sourceUrl,
            @Nullable String replacedArticleId,
            @Nullable Instant draftingStartedAt,
            @Nullable String draftMediaId,
            @Nullable Instant submitStartedAt,
            @Nullable String publishId,
            @Nullable Integer publishStatus,
            @Nullable String articleId,
            @Nullable String articleUrl,
            List<DeliveryWarning> warnings,
            int polls,
            @Nullable Instant updatedAt) {

        /** Whether no draft was asked for yet: the article's cover and images are prepared. */
        boolean preparing() {
            return step == Step.STARTED || step == Step.REPLACING || step == Step.OLD_DELETED;
        }
    }

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

    /** The row of (item, version), made if it is new; an existing row is returned unchanged. */
    Article start(UUID itemId, int version, String canonicalUrl, String sourceUrl) {
        jdbc.sql(
                        "insert into wechat_article (item_id, version, step, canonical_url,"
                                + " source_url, updated_at) values (?, ?, 'STARTED', ?, ?, ?) on"
                                + " conflict (item_id, version) do update set source_url ="
                                + " coalesce(wechat_article.source_url, excluded.source_url)")
                .params(itemId, version, canonicalUrl, sourceUrl, now())
                .update();
        return find(itemId, version).orElseThrow();
    }

    void replacing(UUID itemId, int version, String oldArticleId) {
        update(itemId, version, "step = 'REPLACING', replaced_article_id = ?", oldArticleId);
    }

    /**
     * The article is being prepared (cover, body images read and uploaded) by a live attempt: its
     * {@code updated_at} says so to a reconcile that would otherwise find nothing on WeChat.
     */
    void preparing(UUID itemId, int version) {
        update(itemId, version, "step = step");
    }

    void oldDeleted(UUID itemId, int version) {
        update(itemId, version, "step = 'OLD_DELETED'");
    }

    /**
     * Committed before {@code draft/add}, with what the article leaves out: from now on WeChat may
     * hold a draft of this version.
     */
    void drafting(UUID itemId, int version, List<DeliveryWarning> warnings) {
        update(
                itemId,
                version,
                "step = 'DRAFTING', drafting_started_at = ?, warnings = ?",
                now(),
                encode(warnings));
    }

    /** WeChat certainly made no draft (it answered with an error, or was not reached). */
    void draftNotMade(UUID itemId, int version) {
        update(itemId, version, "step = 'OLD_DELETED', drafting_started_at = null");
    }

    /** WeChat's answer to {@code draft/add}, or the draft found after the answer was lost. */
    void drafted(UUID itemId, int version, String mediaId) {
        update(itemId, version, "step = 'DRAFTED', draft_media_id = ?", mediaId);
    }

    /** Committed before {@code freepublish/submit}: from now on a publish job may exist. */
    void submitting(UUID itemId, int version) {
        update(itemId, version, "step = 'SUBMITTING', submit_started_at = ?", now());
    }

    /**
     * WeChat certainly started no job for the draft: it answered submit with an error, was not
     * reached, or WeChat proved that nothing came of the submit. The draft may be submitted again.
     */
    void submitNotTaken(UUID itemId, int version) {
        update(
                itemId,
                version,
                "step = 'DRAFTED', submit_started_at = null, publish_id = null,"
                        + " publish_status = null, polls = 0");
    }

    /** The draft is no longer in the draft box and was never published: draft it again. */
    void draftGone(UUID itemId, int version) {
        update(
                itemId,
                version,
                "step = 'OLD_DELETED', draft_media_id = null, drafting_started_at = null,"
                        + " submit_started_at = null, publish_id = null, publish_status = null,"
                        + " polls = 0");
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

    /** One warning a line, {@code code<TAB>subject}. */
    static @Nullable String encode(List<DeliveryWarning> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (DeliveryWarning warning : warnings) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(warning.code());
            if (warning.subject() != null) {
                text.append('\t').append(warning.subject().replaceAll("[\\t\\n\\r]", " "));
            }
        }
        return text.toString();
    }

    static List<DeliveryWarning> decode(@Nullable String text) {
        List<DeliveryWarning> warnings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return warnings;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                warnings.add(new DeliveryWarning(line.substring(0, tab), line.substring(tab + 1)));
            } else if (line.matches("[a-z-]+")) {
                warnings.add(new DeliveryWarning(line, null));
            } else {
                // a row written before warnings were codes: "image … removed: …"
                warnings.add(new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, line));
            }
        }
        return warnings;
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Article article(ResultSet row, int number) throws SQLException {
        int status = row.getInt("publish_status");
        Integer publishStatus = row.wasNull() ? null : status;
        return new Article(
                row.getObject("item_id", UUID.class),
                row.getInt("version"),
                Step.valueOf(row.getString("step")),
                row.getString("canonical_url"),
                row.getString("source_url"),
                row.getString("replaced_article_id"),
                instant(row, "drafting_started_at"),
                row.getString("draft_media_id"),
                instant(row, "submit_started_at"),
                row.getString("publish_id"),
                publishStatus,
                row.getString("article_id"),
                row.getString("article_url"),
                decode(row.getString("warnings")),
                row.getInt("polls"),
                instant(row, "updated_at"));
    }
}
