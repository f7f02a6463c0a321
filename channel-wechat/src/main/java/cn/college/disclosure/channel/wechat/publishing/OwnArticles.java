package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.Draft;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishedArticle;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the channel's own draft or article on WeChat when an answer was lost, by its marker: the
 * article's {@code content_source_url} ("阅读原文") is the item's page with the delivery's idempotency
 * key added ({@code ?wechat_ref=<key>}). That field is what both lists return for every article,
 * also without content ({@code no_content=1}): {@code draft/batchget} {@code
 * item[].content.news_item[].content_source_url} and {@code freepublish/batchget} {@code
 * item[].content.news_item[].content_source_url}. The key is stable per (item, version, channel),
 * so a match is this very version and nothing else; the title or the page alone would match another
 * version of the same item.
 *
 * <p>Both lists are newest first; a search pages back until it reaches entries older than the call
 * it is looking for (less a margin for the two clocks), or the end.
 */
class OwnArticles {

    /** The query parameter that carries the idempotency key in {@code content_source_url}. */
    static final String MARKER = "wechat_ref";

    private static final int PAGE = 20;
    private static final int MAX_PAGES = 50;
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private final WeChatApiClient wechat;
    private final WeChatCalls calls;

    OwnArticles(WeChatApiClient wechat, WeChatCalls calls) {
        this.wechat = wechat;
        this.calls = calls;
    }

    /** The item's page with the delivery's marker: the article's {@code content_source_url}. */
    static String sourceUrl(URI canonicalUrl, String idempotencyKey) {
        String page = canonicalUrl.toString();
        int fragment = page.indexOf('#');
        String base = fragment < 0 ? page : page.substring(0, fragment);
        String tail = fragment < 0 ? "" : page.substring(fragment);
        return base + (base.contains("?") ? "&" : "?") + MARKER + "=" + idempotencyKey + tail;
    }

    /** The published article whose {@code content_source_url} is {@code sourceUrl}, if any. */
    Optional<PublishedArticle> published(String sourceUrl, Instant since) {
        Instant from = since.minus(CLOCK_MARGIN);
        for (int page = 0; page < MAX_PAGES; page++) {
            int offset = page * PAGE;
            List<PublishedArticle> articles =
                    calls.call("freepublish/batchget", () -> wechat.published(offset, PAGE));
            for (PublishedArticle article : articles) {
                if (sourceUrl.equals(article.contentSourceUrl())) {
                    return Optional.of(article);
                }
            }
            if (articles.size() < PAGE
                    || articles.stream().allMatch(a -> a.updatedAt().isBefore(from))) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The draft whose article's {@code content_source_url} is {@code sourceUrl}, if any. */
    Optional<String> draft(String sourceUrl, Instant since) {
        Instant from = since.minus(CLOCK_MARGIN);
        for (int page = 0; page < MAX_PAGES; page++) {
            int offset = page * PAGE;
            List<Draft> drafts = calls.call("draft/batchget", () -> wechat.drafts(offset, PAGE));
            for (Draft draft : drafts) {
                // a single-article draft: a digest's multi-article draft is never an item's
                if (draft.contentSourceUrls().equals(List.of(sourceUrl))) {
                    return Optional.of(draft.mediaId());
                }
            }
            if (drafts.size() < PAGE
                    || drafts.stream().allMatch(d -> d.updatedAt().isBefore(from))) {
                break;
            }
        }
        return Optional.empty();
    }
}
