package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.ProviderHealth;
import cn.college.disclosure.channel.runtime.media.BodyMedia;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuard;
import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts items on the campus platform as Standard Webhooks.
 *
 * <p><b>Files.</b> The notice carries the item's attachments and cover as the website's copies
 * ({@code MediaReference.publicUrl}), and its body with each image of publisher-core pointed there;
 * the channel reads no bytes. An image of the core the publication does not list is removed with a
 * warning.
 *
 * <p><b>Once per version.</b> Every message carries a {@code webhook-id} derived from the runtime's
 * idempotency key, the same on every retry and after a restart, and the platform deduplicates on
 * it. So a message whose answer was lost (a timeout, a dropped connection) is simply sent again:
 * the platform has no status endpoint to ask, and a repeat with the same id is the one safe
 * question. For the same reason {@link #reconcile} answers "absent" (push again), knowingly: the
 * push that follows is idempotent at the receiver.
 *
 * <p><b>Failures.</b> 5xx, connection errors and timeouts are transient (the runtime's backoff);
 * repeated, they open the circuit breaker and the channel parks; 429 parks until {@code
 * Retry-After}; any other 4xx fails the delivery with the status and an excerpt of the body.
 */
class WebhookChannelAdapter implements ChannelAdapter, ProviderHealth {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannelAdapter.class);

    private final CampusPlatformApiClient platform;
    private final ProviderGuard guard;
    private final WebhookAnswers answers;
    private final JsonMapper json;
    private final Clock clock;

    WebhookChannelAdapter(
            CampusPlatformApiClient platform,
            ProviderGuard guard,
            WebhookAnswers answers,
            JsonMapper json,
            Clock clock) {
        this.platform = platform;
        this.guard = guard;
        this.answers = answers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.CAMPUS_PLATFORM;
    }

    @Override
    public String circuitBreaker() {
        return guard.circuitBreaker();
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        String type = context.replacing() == null ? Notices.PUBLISHED : Notices.UPDATED;
        String noticeId = Notices.noticeId(request.itemId());
        CatalogueEntry catalogue = request.catalogueItem();
        List<DeliveryWarning> warnings = new ArrayList<>();
        MediaReference cover = request.cover();
        Notices.Notice notice =
                new Notices.Notice(
                        type,
                        noticeId,
                        request.itemId(),
                        request.version(),
                        request.title(),
                        request.summary(),
                        request.canonicalUrl().toString(),
                        catalogue == null ? null : catalogue.categoryName(),
                        request.department(),
                        request.occurredAt(),
                        BodyMedia.rewrite(
                                request.bodyHtml(),
                                request.images().stream()
                                        .collect(
                                                Collectors.toMap(
                                                        MediaReference::id,
                                                        Function.identity(),
                                                        (a, b) -> a)),
                                request.images().stream()
                                        .collect(
                                                Collectors.toMap(
                                                        MediaReference::id,
                                                        image -> image.publicUrl().toString(),
                                                        (a, b) -> a)),
                                warnings),
                        request.attachments().stream().map(Notices.NoticeAttachment::of).toList(),
                        cover == null ? null : cover.publicUrl().toString());
        String webhookId = Notices.webhookId(context.idempotencyKey(), type);
        byte[] body = json.writeValueAsBytes(notice);
        PlatformAnswer answer =
                guard.call(type + " " + webhookId, () -> platform.post(webhookId, body));
        log.info(
                "Campus platform answered HTTP {} to {} {} (notice {}, item {} version {})",
                answer.status(),
                type,
                webhookId,
                noticeId,
                request.itemId(),
                request.version());
        DeliveryOutcome outcome = answers.published(answer, noticeId);
        if (outcome instanceof DeliveryOutcome.Delivered delivered && !warnings.isEmpty()) {
            return new DeliveryOutcome.Delivered(
                    delivered.externalUrl(), delivered.externalRef(), delivered.detail(), warnings);
        }
        return outcome;
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        String noticeId = Notices.noticeId(retraction.itemId());
        int shown =
                context.replacing() == null ? retraction.version() : context.replacing().version();
        Notices.Retraction message =
                new Notices.Retraction(
                        Notices.RETRACTED,
                        noticeId,
                        retraction.itemId(),
                        shown,
                        retraction.reason(),
                        retraction.occurredAt());
        String webhookId = Notices.webhookId(context.idempotencyKey(), Notices.RETRACTED);
        byte[] body = json.writeValueAsBytes(message);
        PlatformAnswer answer =
                guard.call(
                        Notices.RETRACTED + " " + webhookId, () -> platform.post(webhookId, body));
        log.info(
                "Campus platform answered HTTP {} to {} {} (notice {})",
                answer.status(),
                Notices.RETRACTED,
                webhookId,
                noticeId);
        return answers.retracted(answer);
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        return new DeliveryOutcome.Absent(
                "the platform has no status endpoint; sending again with the same webhook-id,"
                        + " which it deduplicates");
    }
}
