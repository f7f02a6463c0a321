package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient.DraftArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the publishing adapter leaves each approved item version for the daily digest, as the
 * article it drafted (body images already on WeChat's CDN). Does nothing while digest mode is off.
 * A newer version replaces an older one that no digest took yet; a retraction removes it.
 */
public class DigestCandidates {

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final Clock clock;

    DigestCandidates(boolean enabled, JdbcClient jdbc, Clock clock) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The version was approved at {@code approvedAt} and drafted as {@code article}. */
    public void approved(UUID itemId, int version, Instant approvedAt, DraftArticle article) {
        if (!enabled) {
            return;
        }
        jdbc.sql(
                        "delete from wechat_digest_entry where item_id = ? and version < ? and digest_id is null")
                .params(itemId, version)
                .update();
        jdbc.sql(
                        """
                        insert into wechat_digest_entry (item_id, version, approved_at, title, author,
                            summary, content, content_source_url, thumb_media_id, recorded_at)
                        values (:item, :version, :approved, :title, :author, :summary, :content,
                            :source, :thumb, :now)
                        on conflict (item_id, version) do update set approved_at = excluded.approved_at,
                            title = excluded.title, author = excluded.author,
                            summary = excluded.summary, content = excluded.content,
                            content_source_url = excluded.content_source_url,
                            thumb_media_id = excluded.thumb_media_id, recorded_at = excluded.recorded_at
                        where wechat_digest_entry.digest_id is null
                        """)
                .param("item", itemId)
                .param("version", version)
                .param("approved", approvedAt.atOffset(ZoneOffset.UTC))
                .param("title", article.title())
                .param("author", article.author())
                .param("summary", article.digest())
                .param("content", article.content())
                .param("source", article.contentSourceUrl())
                .param("thumb", article.thumbMediaId())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The item was retracted: it is left out of every digest not yet planned. */
    public void withdrawn(UUID itemId) {
        if (!enabled) {
            return;
        }
        jdbc.sql("delete from wechat_digest_entry where item_id = ? and digest_id is null")
                .param(itemId)
                .update();
    }
}
