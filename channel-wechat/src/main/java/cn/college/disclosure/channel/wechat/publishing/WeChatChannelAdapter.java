package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishStatus;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishedArticle;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.channel.wechat.api.WeChatUnreachable;
import cn.college.disclosure.channel.wechat.digest.DigestCandidates;
import cn.college.disclosure.channel.wechat.publishing.Articles.Article;
import cn.college.disclosure.channel.wechat.publishing.Articles.Step;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Publishes an item as a WeChat article: (delete the replaced version's article), cover, body
 * images, {@code draft/add}, {@code freepublish/submit}; WeChat publishes asynchronously, so the
 * answer is {@link DeliveryOutcome#pending} with the {@code publish_id}, settled by the {@code
 * PUBLISHJOBFINISH} callback or by polling {@code freepublish/get} ({@link #reconcile}).
 *
 * <p>No duplicate articles: the draft's {@code media_id} is recorded before submit and the {@code
 * publish_id} right after. When the answer to submit was lost, {@link #reconcile} looks for the
 * article in {@code freepublish/batchget} and for the draft in the draft box before anything is
 * submitted again; if neither tells, the delivery is UNCONFIRMED.
 *
 * <p>Errors: −1 and 45011 are {@link TransientDeliveryFailure} (the runtime's backoff); 45009 parks
 * the channel until midnight China time ({@link ChannelParked}); token errors were already retried
 * once by the client; any other error code fails the item at once with the code and message.
 */
class WeChatChannelAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WeChatChannelAdapter.class);
    private static final int MAX_CONTENT_CHARS = 19_999;
    private static final int MAX_CONTENT_BYTES = 1024 * 1024 - 1;
    private static final int MAX_AUTHOR = 16;
    private static final int BATCHGET_PAGES = 3;

    private final WeChatApiClient wechat;
    private final Articles articles;
    private final Covers covers;
    private final BodyImages images;
    private final ObjectProvider<AsynchronousOutcomes> outcomes;
    private final Clock clock;
    private final ZoneId quotaZone;
    private final @Nullable String author;
    private final int maxPolls;
    private final DigestCandidates digests;

    WeChatChannelAdapter(
            WeChatApiClient wechat,
            Articles articles,
            Covers covers,
            BodyImages images,
            ObjectProvider<AsynchronousOutcomes> outcomes,
            Clock clock,
            ZoneId quotaZone,
            @Nullable String author,
            int maxPolls,
            DigestCandidates digests) {
        this.wechat = wechat;
        this.articles = articles;
        this.covers = covers;
        this.images = images;
        this.outcomes = outcomes;
        this.clock = clock;
        this.quotaZone = quotaZone;
        this.author = author;
        this.maxPolls = maxPolls;
        this.digests = digests;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        try {
            return doPublish(request, context);
        } catch (Refusal refusal) {
            return DeliveryOutcome.failed(refusal.getMessage());
        }
    }

    private DeliveryOutcome doPublish(PublicationRequested request, DeliveryContext context) {
        var itemId = request.itemId();
        int version = request.version();
        Article article = articles.start(itemId, version, request.canonicalUrl().toString());
        DeliveredVersion replacing = context.replacing();
        if (replacing != null
                && article.step().compareTo(Step.OLD_DELETED) < 0
                && replacing.externalRef() != null) {
            String oldArticle = articleIdOf(itemId, replacing);
            if (oldArticle != null) {
                // the order is recorded: after a crash the old article is known to be gone
                articles.replacing(itemId, version, oldArticle);
                deleteIgnoringGone("freepublish/delete", oldArticle);
                log.info(
                        "Deleted article {} of version {} before publishing version {}",
                        oldArticle,
                        replacing.version(),
                        version);
            }
            articles.oldDeleted(itemId, version);
        }
        String thumb = guarded(covers::defaultCoverMediaId);
        BodyImages.Prepared body = guarded(() -> images.prepare(request.bodyHtml()));
        String content = body.html();
        if (content.codePointCount(0, content.length()) > MAX_CONTENT_CHARS
                || content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            return DeliveryOutcome.failed(
                    "content is %d characters / %d bytes after preparing it; WeChat takes under 20,000 and under 1 MB"
                            .formatted(
                                    content.length(),
                                    content.getBytes(StandardCharsets.UTF_8).length));
        }
        String warnings = body.warnings().isEmpty() ? null : String.join("; ", body.warnings());
        WeChatApiClient.DraftArticle draft =
                new WeChatApiClient.DraftArticle(
                        request.title(),
                        authorOf(request),
                        request.summary(),
                        content,
                        request.canonicalUrl().toString(),
                        thumb);
        String mediaId = guarded(() -> wechat.addDraft(draft));
        articles.drafted(itemId, version, mediaId, warnings);
        // digest mode: the same article, as WeChat accepted it, waits for the day's digest
        digests.approved(itemId, version, request.occurredAt(), draft);
        articles.submitting(itemId, version);
        String publishId;
        try {
            publishId = guarded(() -> wechat.submit(mediaId));
        } catch (SubmitOutcomeUnknown e) {
            throw e;
        }
        articles.submitted(itemId, version, publishId);
        log.info(
                "Submitted draft {} as publish job {} for item {} version {}",
                mediaId,
                publishId,
                itemId,
                version);
        return DeliveryOutcome.pending(
                publishId,
                "publish job %s submitted%s"
                        .formatted(publishId, warnings == null ? "" : "; " + warnings));
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        digests.withdrawn(retraction.itemId());
        DeliveredVersion shown = context.replacing();
        if (shown == null) {
            return DeliveryOutcome.retracted();
        }
        try {
            Optional<Article> row = articles.find(retraction.itemId(), shown.version());
            String articleId = articleIdOf(retraction.itemId(), shown);
            if (articleId == null && row.isPresent() && row.get().publishId() != null) {
                PublishStatus status = guarded(() -> wechat.publishStatus(row.get().publishId()));
                if (status.status() == 1) {
                    throw new TransientDeliveryFailure(
                            "publish job %s is still running; retracting after it ends"
                                    .formatted(status.publishId()));
                }
                articleId = status.articleId();
            }
            if (articleId == null) {
                return DeliveryOutcome.retracted();
            }
            String gone = articleId;
            deleteIgnoringGone("freepublish/delete", gone);
            log.info(
                    "Deleted article {} of item {} version {}",
                    gone,
                    retraction.itemId(),
                    shown.version());
            return DeliveryOutcome.retracted();
        } catch (Refusal refusal) {
            return DeliveryOutcome.failed(refusal.getMessage());
        }
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        Optional<Article> found = articles.find(attempt.itemId(), attempt.version());
        if (found.isEmpty() || found.get().draftMediaId() == null) {
            // nothing was ever submitted for this version
            return DeliveryOutcome.absent();
        }
        Article article = found.get();
        try {
            if (article.publishId() != null) {
                return poll(article);
            }
            if (article.step() == Step.SUBMITTING) {
                return findLostSubmit(article);
            }
            return DeliveryOutcome.absent();
        } catch (Refusal refusal) {
            return DeliveryOutcome.unconfirmed(refusal.getMessage());
        }
    }

    /** A publish_id is known: {@code freepublish/get}, at most {@code max-polls} times. */
    private DeliveryOutcome poll(Article article) {
        String publishId = article.publishId();
        if (article.publishStatus() != null
                && article.publishStatus() == 0
                && article.articleUrl() != null) {
            return DeliveryOutcome.delivered(
                    URI.create(article.articleUrl()), article.articleId(), article.warnings());
        }
        if (article.polls() >= maxPolls) {
            return DeliveryOutcome.unconfirmed(
                    "publish job %s polled %d times without an outcome; check it on mp.weixin.qq.com"
                            .formatted(publishId, article.polls()));
        }
        articles.polled(article.itemId(), article.version());
        PublishStatus status = guarded(() -> wechat.publishStatus(publishId));
        log.info(
                "Polled publish job {} of item {} version {}: status {}",
                publishId,
                article.itemId(),
                article.version(),
                status.status());
        DeliveryOutcome outcome = outcomeOf(status, article.warnings());
        if (status.status() != 1) {
            articles.finished(
                    article.itemId(),
                    article.version(),
                    status.status(),
                    status.articleId(),
                    status.articleUrl());
        }
        if (outcome instanceof DeliveryOutcome.Retracted) {
            // published, then removed: a new report through the runtime, not a reconcile answer
            outcomes.getObject().arrived(article.itemId(), article.version(), outcome);
            return DeliveryOutcome.pending(publishId, "removed on WeChat after publishing");
        }
        return outcome;
    }

    /**
     * The answer to submit was lost: an article pointing at the item's page that WeChat updated
     * since the submit started is this version's; a draft still in the draft box was never
     * published; otherwise nobody can tell yet.
     */
    private DeliveryOutcome findLostSubmit(Article article) {
        Instant since =
                article.submitStartedAt() == null
                        ? Instant.EPOCH
                        : article.submitStartedAt().minusSeconds(5);
        for (int page = 0; page < BATCHGET_PAGES; page++) {
            int offset = page * 20;
            List<PublishedArticle> published = guarded(() -> wechat.published(offset, 20));
            for (PublishedArticle candidate : published) {
                if (!candidate.deleted()
                        && article.canonicalUrl() != null
                        && article.canonicalUrl().equals(candidate.contentSourceUrl())
                        && !candidate.updatedAt().isBefore(since)) {
                    log.info(
                            "Found article {} of item {} version {} in freepublish/batchget after a lost submit answer",
                            candidate.articleId(),
                            article.itemId(),
                            article.version());
                    articles.finished(
                            article.itemId(),
                            article.version(),
                            0,
                            candidate.articleId(),
                            candidate.url());
                    return DeliveryOutcome.delivered(
                            candidate.url() == null ? null : URI.create(candidate.url()),
                            candidate.articleId(),
                            article.warnings());
                }
            }
            if (published.size() < 20) {
                break;
            }
        }
        String draft = article.draftMediaId();
        if (draft != null && guarded(() -> wechat.draftExists(draft))) {
            return DeliveryOutcome.absent();
        }
        return DeliveryOutcome.unconfirmed(
                "draft %s left the draft box but no published article was found yet"
                        .formatted(draft));
    }

    /** What a publish status means for the delivery (the callback's and the poll's). */
    static DeliveryOutcome outcomeOf(PublishStatus status, @Nullable String warnings) {
        return switch (status.status()) {
            case 0 ->
                    DeliveryOutcome.delivered(
                            status.articleUrl() == null ? null : URI.create(status.articleUrl()),
                            status.articleId(),
                            warnings);
            case 1 -> DeliveryOutcome.pending(status.publishId(), "publishing");
            case 2 -> DeliveryOutcome.failed("WeChat publish_status 2: originality check failed");
            case 3 -> DeliveryOutcome.failed("WeChat publish_status 3: publishing failed");
            case 4 ->
                    DeliveryOutcome.failed("WeChat publish_status 4: rejected by platform review");
            case 5 ->
                    new DeliveryOutcome.Retracted(
                            "WeChat publish_status 5: all articles deleted on WeChat");
            case 6 ->
                    new DeliveryOutcome.Retracted(
                            "WeChat publish_status 6: blocked by the platform");
            default -> DeliveryOutcome.unconfirmed("WeChat publish_status " + status.status());
        };
    }

    private @Nullable String articleIdOf(java.util.UUID itemId, DeliveredVersion version) {
        Optional<Article> row = articles.find(itemId, version.version());
        if (row.isPresent() && row.get().articleId() != null) {
            return row.get().articleId();
        }
        String ref = version.externalRef();
        if (ref != null && row.isPresent() && ref.equals(row.get().publishId())) {
            return null;
        }
        return ref;
    }

    private void deleteIgnoringGone(String operation, String articleId) {
        try {
            guarded(
                    () -> {
                        wechat.deleteArticle(articleId);
                        return null;
                    });
        } catch (Refusal refusal) {
            if (refusal.errcode != 53600) {
                throw refusal;
            }
            log.info("Article {} was already gone ({})", articleId, refusal.getMessage());
        }
    }

    private @Nullable String authorOf(PublicationRequested request) {
        String name = author != null ? author : request.department();
        if (name.codePointCount(0, name.length()) <= MAX_AUTHOR) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_AUTHOR));
    }

    /** Turns WeChat's answers into what the runtime understands. */
    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (WeChatRefused e) {
            switch (e.kind()) {
                case TRANSIENT, TOKEN -> throw new TransientDeliveryFailure(e.getMessage(), e);
                case DAILY_QUOTA -> throw new ChannelParked(nextMidnight(), e.getMessage());
                default -> throw new Refusal(e);
            }
        } catch (WeChatUnreachable e) {
            if (e.mayHaveApplied() && e.getMessage().startsWith("freepublish/submit")) {
                throw new SubmitOutcomeUnknown(e);
            }
            // every other call is safe to repeat: at worst an unused draft or material
            throw new TransientDeliveryFailure(e.getMessage(), e);
        }
    }

    private Instant nextMidnight() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(quotaZone)).plusDays(1);
        return tomorrow.atStartOfDay(quotaZone).toInstant();
    }

    /** WeChat refused the item or the account; pushing again would be refused again. */
    private static final class Refusal extends RuntimeException {
        final int errcode;

        Refusal(WeChatRefused cause) {
            super(cause.getMessage(), cause);
            this.errcode = cause.errcode();
        }
    }

    /**
     * The answer to {@code freepublish/submit} was lost: WeChat may be publishing. Not transient on
     * purpose: the runtime's retry starts with {@link #reconcile}, never with another submit.
     */
    static final class SubmitOutcomeUnknown extends RuntimeException {
        SubmitOutcomeUnknown(WeChatUnreachable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
