package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.wechat.api.WeChatAnswerLost;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishStatus;
import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishedArticle;
import cn.college.disclosure.channel.wechat.api.WeChatCalls;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.channel.wechat.digest.DigestCandidates;
import cn.college.disclosure.channel.wechat.publishing.Articles.Article;
import cn.college.disclosure.channel.wechat.publishing.Articles.Step;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * <p><b>Exactly once.</b> Every step is committed before its call ({@link Articles}), and {@link
 * #publish} as well as {@link #reconcile} first ask WeChat about what the steps say it may hold, so
 * that no second {@code draft/add} or {@code freepublish/submit} is made for an (item, version)
 * unless WeChat proved it has none:
 *
 * <ul>
 *   <li>a {@code publish_id} is known: {@code freepublish/get}; status 1 (publishing) is waited for
 *       ({@link DeliveryOutcome#pending}), 0 is delivered, never submitted again;
 *   <li>the answer to submit was lost: the article is looked for in {@code freepublish/batchget} by
 *       its marker ({@link OwnArticles}); if absent and the draft is still in the draft box, a job
 *       may still be running (the draft leaves the box only when a job succeeds), so the channel
 *       waits {@code lost-submit-wait} for it before it concludes that the submit never became a
 *       job and submits the same draft again; a draft that left the box is never drafted again;
 *   <li>the answer to {@code draft/add} was lost: the draft is looked for in {@code draft/batchget}
 *       by its marker and used; a second draft is made only if there is none.
 * </ul>
 *
 * <p>Errors ({@link WeChatCalls}): busy, 5xx, I/O and timeouts go through the {@code wechat-api}
 * guard (transient, or parked while its breaker is open); 45009 parks the channel until midnight
 * China time; a lost answer to a call that creates something is {@link WeChatAnswerLost}, so the
 * runtime reconciles first; any other error code is a refusal and fails the item with the code.
 */
class WeChatChannelAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WeChatChannelAdapter.class);
    private static final int MAX_CONTENT_CHARS = 19_999;
    private static final int MAX_CONTENT_BYTES = 1024 * 1024 - 1;
    private static final int MAX_AUTHOR = 16;
    private static final int MAX_TITLE = 32;
    private static final int MAX_DIGEST = 128;
    private static final int MAX_SOURCE_URL_BYTES = 1024;
    private static final int NO_SUCH_MEDIA = 40007;
    private static final int NO_SUCH_ARTICLE = 53600;

    private final WeChatApiClient wechat;
    private final WeChatCalls calls;
    private final Articles articles;
    private final OwnArticles own;
    private final Covers covers;
    private final BodyImages images;
    private final AttachmentLinks attachments;
    private final ObjectProvider<AsynchronousOutcomes> outcomes;
    private final Clock clock;
    private final @Nullable String author;
    private final int maxPolls;
    private final Duration lostSubmitWait;
    private final Duration prepareTimeout;
    private final DigestCandidates digests;

    WeChatChannelAdapter(
            WeChatApiClient wechat,
            WeChatCalls calls,
            Articles articles,
            Covers covers,
            BodyImages images,
            AttachmentLinks attachments,
            ObjectProvider<AsynchronousOutcomes> outcomes,
            Clock clock,
            @Nullable String author,
            int maxPolls,
            Duration lostSubmitWait,
            Duration prepareTimeout,
            DigestCandidates digests) {
        this.wechat = wechat;
        this.calls = calls;
        this.articles = articles;
        this.own = new OwnArticles(wechat, calls);
        this.covers = covers;
        this.images = images;
        this.attachments = attachments;
        this.outcomes = outcomes;
        this.clock = clock;
        this.author = author;
        this.maxPolls = maxPolls;
        this.lostSubmitWait = lostSubmitWait;
        this.prepareTimeout = prepareTimeout;
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
        } catch (WeChatRefused refusal) {
            return DeliveryOutcome.failed(refusal.getMessage());
        }
    }

    private DeliveryOutcome doPublish(PublicationRequested request, DeliveryContext context) {
        UUID itemId = request.itemId();
        int version = request.version();
        String sourceUrl = OwnArticles.sourceUrl(request.canonicalUrl(), context.idempotencyKey());
        Article article =
                articles.start(itemId, version, request.canonicalUrl().toString(), sourceUrl);
        Optional<DeliveryOutcome> onWeChat = onWeChat(article, true);
        if (onWeChat.isPresent()) {
            log.info(
                    "Item {} version {} is already on WeChat ({}); nothing pushed",
                    itemId,
                    version,
                    onWeChat.get());
            return onWeChat.get();
        }
        article = articles.find(itemId, version).orElseThrow();
        replace(article, context.replacing());

        String mediaId = article.step() == Step.DRAFTED ? article.draftMediaId() : null;
        List<DeliveryWarning> warnings = article.warnings();
        if (mediaId == null) {
            if (sourceUrl.getBytes(StandardCharsets.UTF_8).length > MAX_SOURCE_URL_BYTES) {
                return DeliveryOutcome.failed(
                        "content_source_url is %d bytes with its marker; WeChat takes at most 1 KB"
                                .formatted(sourceUrl.getBytes(StandardCharsets.UTF_8).length));
            }
            List<DeliveryWarning> found = new ArrayList<>();
            articles.preparing(itemId, version);
            MediaReference cover = request.cover();
            Optional<String> recordCover =
                    cover == null ? Optional.empty() : covers.recordCover(cover, found);
            String thumb =
                    recordCover.isPresent()
                            ? recordCover.get()
                            : calls.call("material/add_material", covers::defaultCoverMediaId);
            BodyImages.Prepared body =
                    images.prepare(
                            request.bodyHtml(),
                            request.images(),
                            () -> articles.preparing(itemId, version));
            found.addAll(body.warnings());
            String content = attachments.append(body.html(), request.attachments());
            int bytes = content.getBytes(StandardCharsets.UTF_8).length;
            if (content.codePointCount(0, content.length()) > MAX_CONTENT_CHARS
                    || bytes > MAX_CONTENT_BYTES) {
                return DeliveryOutcome.failed(
                        "content is %d characters / %d bytes after preparing it; WeChat takes under 20,000 and under 1 MB"
                                .formatted(content.length(), bytes));
            }
            String title = cut(request.wechatTitle(), MAX_TITLE, "title", found);
            String digest =
                    request.wechatDigest() == null
                            ? null
                            : cut(request.wechatDigest(), MAX_DIGEST, "digest", found);
            String author = cut(authorOf(request), MAX_AUTHOR, "author", found);
            warnings = List.copyOf(found);
            WeChatApiClient.DraftArticle draft =
                    new WeChatApiClient.DraftArticle(
                            title, author, digest, content, sourceUrl, thumb);
            // digest mode: the same article waits for the day's digest, under the item's plain
            // page (the marker belongs to this article only)
            digests.approved(
                    itemId,
                    version,
                    request.occurredAt(),
                    new WeChatApiClient.DraftArticle(
                            draft.title(),
                            draft.author(),
                            draft.digest(),
                            draft.content(),
                            request.canonicalUrl().toString(),
                            draft.thumbMediaId()));
            articles.drafting(itemId, version, warnings);
            mediaId = created(itemId, version, "draft/add", () -> wechat.addDraft(draft));
            articles.drafted(itemId, version, mediaId);
        }
        String draftId = mediaId;
        articles.submitting(itemId, version);
        String publishId;
        try {
            publishId =
                    created(itemId, version, "freepublish/submit", () -> wechat.submit(draftId));
        } catch (WeChatRefused e) {
            if (e.errcode() != NO_SUCH_MEDIA) {
                throw e;
            }
            // the draft left the draft box under us: a publish may have consumed it; never draft
            // again, find out (the step stays SUBMITTING)
            return DeliveryOutcome.unconfirmed(
                    "draft %s is no longer in the draft box (%s); looking for its article"
                            .formatted(draftId, e.getMessage()));
        }
        articles.submitted(itemId, version, publishId);
        log.info(
                "Submitted draft {} as publish job {} for item {} version {}",
                draftId,
                publishId,
                itemId,
                version);
        return DeliveryOutcome.pending(
                publishId, "publish job %s submitted%s".formatted(publishId, describe(warnings)));
    }

    /**
     * Runs {@code draft/add} or {@code freepublish/submit}. A lost answer leaves the step as it is
     * (DRAFTING, SUBMITTING): WeChat may hold the result and is asked before anything is pushed. A
     * failure that certainly applied nothing (an error code, a refused connection, a 5xx, the
     * breaker open) takes the step back, so that the retry calls again without waiting.
     */
    private String created(
            UUID itemId, int version, String what, java.util.function.Supplier<String> call) {
        try {
            return calls.create(what, call);
        } catch (WeChatAnswerLost e) {
            log.warn("Item {} version {}: {}", itemId, version, e.getMessage());
            throw e;
        } catch (WeChatRefused | TransientDeliveryFailure | ChannelParked e) {
            if (what.equals("draft/add")) {
                articles.draftNotMade(itemId, version);
            } else if (!(e instanceof WeChatRefused refused
                    && refused.errcode() == NO_SUCH_MEDIA)) {
                articles.submitNotTaken(itemId, version);
            }
            throw e;
        }
    }

    /** Deletes the article of the version this one replaces, once, recorded before and after. */
    private void replace(Article article, @Nullable DeliveredVersion replacing) {
        if (replacing == null
                || article.step().compareTo(Step.OLD_DELETED) >= 0
                || replacing.externalRef() == null) {
            return;
        }
        String oldArticle = articleIdOf(article.itemId(), replacing);
        if (oldArticle != null) {
            // the order is recorded: after a crash the old article is known to be gone
            articles.replacing(article.itemId(), article.version(), oldArticle);
            deleteIgnoringGone(oldArticle);
            log.info(
                    "Deleted article {} of version {} before publishing version {}",
                    oldArticle,
                    replacing.version(),
                    article.version());
        }
        articles.oldDeleted(article.itemId(), article.version());
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
                String publishId = row.get().publishId();
                PublishStatus status =
                        calls.call("freepublish/get", () -> wechat.publishStatus(publishId));
                if (status.status() == 1) {
                    throw new TransientDeliveryFailure(
                            "publish job %s is still running; retracting after it ends"
                                    .formatted(status.publishId()));
                }
                articleId = status.articleId();
            }
            if (articleId == null && row.isPresent() && row.get().step() == Step.SUBMITTING) {
                Article lost = row.get();
                Optional<PublishedArticle> found =
                        own.published(sourceUrlOf(lost), since(lost.submitStartedAt()));
                if (found.isPresent()) {
                    articleId = found.get().articleId();
                } else if (lost.draftMediaId() != null) {
                    String draft = lost.draftMediaId();
                    if (!draftExists(draft)) {
                        throw new TransientDeliveryFailure(
                                ("draft %s was consumed by a publish whose article is not listed"
                                                + " yet; retracting once it is")
                                        .formatted(draft));
                    }
                    if (clock.instant()
                            .isBefore(since(lost.submitStartedAt()).plus(lostSubmitWait))) {
                        throw new TransientDeliveryFailure(
                                ("the answer to submit of draft %s was lost and its job may still"
                                                + " run; retracting after it ends")
                                        .formatted(draft));
                    }
                    // still in the box after lost-submit-wait: no job ever ran, nothing is live
                }
            }
            if (articleId == null) {
                return DeliveryOutcome.retracted();
            }
            String gone = articleId;
            deleteIgnoringGone(gone);
            log.info(
                    "Deleted article {} of item {} version {}",
                    gone,
                    retraction.itemId(),
                    shown.version());
            return DeliveryOutcome.retracted();
        } catch (WeChatRefused refusal) {
            return DeliveryOutcome.failed(refusal.getMessage());
        }
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        Optional<Article> found = articles.find(attempt.itemId(), attempt.version());
        if (found.isEmpty()) {
            // nothing was ever drafted for this version
            return DeliveryOutcome.absent();
        }
        Article article = found.get();
        if (article.preparing()
                && article.updatedAt() != null
                && clock.instant().isBefore(article.updatedAt().plus(prepareTimeout))) {
            // an attempt is reading and uploading the cover and images: nothing is on WeChat yet,
            // and it is not lost (after a crash its row stops changing and this answer ends)
            return DeliveryOutcome.pending(
                    null,
                    "preparing the article's cover and images (last progress %s)"
                            .formatted(article.updatedAt()));
        }
        try {
            return onWeChat(article, false).orElseGet(DeliveryOutcome::absent);
        } catch (WeChatRefused refusal) {
            // WeChat answered, but not about our article (e.g. 53600 for a publish_id): nobody
            // can tell; an outage is thrown through the guard, never answered as absent
            return DeliveryOutcome.unconfirmed(refusal.getMessage());
        }
    }

    /**
     * What WeChat holds of this version, asked as the steps say: an outcome if WeChat has it or is
     * still publishing it (or nobody can tell yet), empty if WeChat proved it has nothing live or
     * running for it; the step ledger is then set to where pushing resumes. For a publish ({@code
     * forPublish}) a job that failed (publish_status 2–4) may be submitted again; for a reconcile
     * it is the outcome.
     */
    private Optional<DeliveryOutcome> onWeChat(Article article, boolean forPublish) {
        if (article.publishId() != null) {
            return publishJob(article, forPublish);
        }
        return switch (article.step()) {
            case SUBMITTING -> lostSubmit(article, forPublish);
            case DRAFTING -> {
                lostDraft(article);
                yield Optional.empty();
            }
            case FINISHED -> {
                // finished through batchget (no publish_id known)
                if (article.publishStatus() != null && article.publishStatus() == 0) {
                    yield Optional.of(delivered(article.articleUrl(), article));
                }
                yield Optional.of(
                        DeliveryOutcome.failed(
                                "WeChat publish_status %s for this version; not published again"
                                        .formatted(article.publishStatus())));
            }
            default -> Optional.empty();
        };
    }

    /** A publish_id is known: {@code freepublish/get}, at most {@code max-polls} times. */
    private Optional<DeliveryOutcome> publishJob(Article article, boolean forPublish) {
        String publishId = article.publishId();
        Integer known = article.publishStatus();
        if (known != null && known == 0 && article.articleUrl() != null) {
            return Optional.of(delivered(article.articleUrl(), article));
        }
        PublishStatus status;
        if (known != null && known != 1) {
            status = new PublishStatus(publishId, known, article.articleId(), article.articleUrl());
        } else {
            if (article.polls() >= maxPolls) {
                return Optional.of(
                        DeliveryOutcome.unconfirmed(
                                "publish job %s polled %d times without an outcome; check it on mp.weixin.qq.com"
                                        .formatted(publishId, article.polls())));
            }
            articles.polled(article.itemId(), article.version());
            status = calls.call("freepublish/get", () -> wechat.publishStatus(publishId));
            log.info(
                    "Polled publish job {} of item {} version {}: status {}",
                    publishId,
                    article.itemId(),
                    article.version(),
                    status.status());
            if (status.status() != 1) {
                articles.finished(
                        article.itemId(),
                        article.version(),
                        status.status(),
                        status.articleId(),
                        status.articleUrl());
            }
        }
        if (forPublish && status.status() >= 2 && status.status() <= 4) {
            // the job failed: nothing is live; the same draft may be submitted again
            log.info(
                    "Publish job {} of item {} version {} ended with status {}; submitting again",
                    publishId,
                    article.itemId(),
                    article.version(),
                    status.status());
            articles.submitNotTaken(article.itemId(), article.version());
            return Optional.empty();
        }
        if (forPublish && (status.status() == 5 || status.status() == 6)) {
            return Optional.of(
                    DeliveryOutcome.failed(
                            "WeChat publish_status %d: this version's article was removed on WeChat after it was published; not published again"
                                    .formatted(status.status())));
        }
        DeliveryOutcome outcome = outcomeOf(status, article.warnings());
        if (outcome instanceof DeliveryOutcome.Retracted) {
            // published, then removed: a new report through the runtime, not a reconcile answer
            outcomes.getObject().arrived(article.itemId(), article.version(), outcome);
            return Optional.of(
                    DeliveryOutcome.pending(publishId, "removed on WeChat after publishing"));
        }
        return Optional.of(outcome);
    }

    /**
     * The answer to submit was lost. An article with this version's marker in {@code
     * freepublish/batchget} is this version's. Else, while the draft is still in the draft box, a
     * publish job may be running (WeChat lists no running jobs, and a job that succeeds consumes
     * the draft): the channel waits up to {@code lost-submit-wait} from the submit; after that, the
     * submit never became a job (or its job failed), and the same draft may be submitted again. A
     * draft that left the box was consumed by a publish: its article is looked for, never drafted
     * again.
     */
    private Optional<DeliveryOutcome> lostSubmit(Article article, boolean forPublish) {
        if (article.polls() >= maxPolls) {
            return Optional.of(
                    DeliveryOutcome.unconfirmed(
                            "the answer to submit of draft %s was lost; looked for its article %d times without finding it; check mp.weixin.qq.com"
                                    .formatted(article.draftMediaId(), article.polls())));
        }
        articles.polled(article.itemId(), article.version());
        Instant submitted = since(article.submitStartedAt());
        Optional<PublishedArticle> found = own.published(sourceUrlOf(article), submitted);
        if (found.isPresent()) {
            PublishedArticle published = found.get();
            int status = published.deleted() ? 5 : 0;
            log.info(
                    "Found article {} of item {} version {} in freepublish/batchget after a lost submit answer{}",
                    published.articleId(),
                    article.itemId(),
                    article.version(),
                    published.deleted() ? " (deleted since)" : "");
            articles.finished(
                    article.itemId(),
                    article.version(),
                    status,
                    published.articleId(),
                    published.url());
            if (status == 0) {
                return Optional.of(delivered(published.url(), article));
            }
            if (forPublish) {
                return Optional.of(
                        DeliveryOutcome.failed(
                                "article %s of this version was deleted on WeChat after it was published; not published again"
                                        .formatted(published.articleId())));
            }
            outcomes.getObject()
                    .arrived(
                            article.itemId(),
                            article.version(),
                            new DeliveryOutcome.Retracted(
                                    "article %s deleted on WeChat after publishing"
                                            .formatted(published.articleId())));
            return Optional.of(DeliveryOutcome.pending(null, "removed on WeChat after publishing"));
        }
        String draft = article.draftMediaId();
        if (draft == null || !draftExists(draft)) {
            return Optional.of(
                    DeliveryOutcome.pending(
                            null,
                            "the answer to submit was lost and draft %s left the draft box: a publish job consumed it; looking for its article"
                                    .formatted(draft)));
        }
        Instant decide = submitted.plus(lostSubmitWait);
        if (clock.instant().isBefore(decide)) {
            return Optional.of(
                    DeliveryOutcome.pending(
                            null,
                            "the answer to submit of draft %s was lost; its publish job may still be running: waiting for it until %s before submitting again"
                                    .formatted(draft, decide)));
        }
        log.info(
                "Draft {} of item {} version {} is still in the draft box {} after a lost submit answer and no article has its marker: the submit never became a job",
                draft,
                article.itemId(),
                article.version(),
                lostSubmitWait);
        articles.submitNotTaken(article.itemId(), article.version());
        return Optional.empty();
    }

    /** The answer to {@code draft/add} was lost: the draft with this version's marker, if any. */
    private void lostDraft(Article article) {
        Optional<String> draft =
                own.draft(sourceUrlOf(article), since(article.draftingStartedAt()));
        if (draft.isPresent()) {
            log.info(
                    "Found draft {} of item {} version {} in draft/batchget after a lost draft/add answer",
                    draft.get(),
                    article.itemId(),
                    article.version());
            articles.drafted(article.itemId(), article.version(), draft.get());
        } else {
            articles.draftNotMade(article.itemId(), article.version());
        }
    }

    private boolean draftExists(String mediaId) {
        return calls.call("draft/get", () -> wechat.draftExists(mediaId));
    }

    private static String sourceUrlOf(Article article) {
        if (article.sourceUrl() != null) {
            return article.sourceUrl();
        }
        // a row from before the marker: the item's page
        return article.canonicalUrl() == null ? "" : article.canonicalUrl();
    }

    private static Instant since(@Nullable Instant startedAt) {
        return startedAt != null ? startedAt : Instant.EPOCH;
    }

    private static DeliveryOutcome delivered(@Nullable String url, Article article) {
        return DeliveryOutcome.delivered(
                url == null ? null : URI.create(url), article.articleId(), article.warnings());
    }

    /** What a publish status means for the delivery (the callback's and the poll's). */
    static DeliveryOutcome outcomeOf(PublishStatus status, List<DeliveryWarning> warnings) {
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

    private @Nullable String articleIdOf(UUID itemId, DeliveredVersion version) {
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

    private void deleteIgnoringGone(String articleId) {
        try {
            calls.call(
                    "freepublish/delete",
                    () -> {
                        wechat.deleteArticle(articleId);
                        return null;
                    });
        } catch (WeChatRefused refusal) {
            if (refusal.errcode() != NO_SUCH_ARTICLE) {
                throw refusal;
            }
            log.info("Article {} was already gone ({})", articleId, refusal.getMessage());
        }
    }

    /** The item's WeChat author, else the configured one, else the item's department. */
    private String authorOf(PublicationRequested request) {
        String variant = request.wechatAuthor();
        if (variant != null && !variant.isBlank()) {
            return variant;
        }
        return author != null ? author : request.department();
    }

    /** {@code value} cut to {@code max} characters, with a {@code truncated} warning if it was. */
    private static String cut(String value, int max, String field, List<DeliveryWarning> warnings) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        warnings.add(new DeliveryWarning(DeliveryWarning.TRUNCATED, field));
        return value.substring(0, value.offsetByCodePoints(0, max));
    }

    private static String describe(List<DeliveryWarning> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        return "; %d warning(s): %s"
                .formatted(
                        warnings.size(),
                        String.join(
                                ", ",
                                warnings.stream().map(w -> w.code() + " " + w.subject()).toList()));
    }
}
