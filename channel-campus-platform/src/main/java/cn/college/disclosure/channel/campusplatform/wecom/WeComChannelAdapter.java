package cn.college.disclosure.channel.campusplatform.wecom;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.ProviderHealth;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuard;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Puts items into 企业微信 as a {@code textcard} application message (title, the approval date,
 * department, the number of attachments and the summary, the link to the item's canonical page on
 * the website, where the attachments are).
 *
 * <p><b>Once per version.</b> Every card is sent with {@code enable_duplicate_check: 1}: within
 * {@code duplicate-check-interval} WeCom drops a message identical to one it already sent. The card
 * is built from the event alone (no send time in it), so a resend after a lost answer is identical
 * and dropped; {@link #reconcile} therefore answers "absent" (WeCom has no way to look a message
 * up) and the runtime sends again. After the interval a resend would reach the recipients twice.
 *
 * <p><b>Partial success.</b> {@code invaliduser}/{@code invalidparty}/{@code invalidtag} mean the
 * card went to the others: DELIVERED, with the invalid recipients as a warning in the detail.
 * Recipients beyond WeCom's per-member limits are dropped silently (sent is not read).
 *
 * <p><b>Retraction</b> recalls the message by the {@code msgid} kept as the delivery's external
 * reference; a new version sends a new card and recalls the old one (best effort: WeCom recalls
 * only messages younger than 24 h).
 */
class WeComChannelAdapter implements ChannelAdapter, ProviderHealth {

    private static final Logger log = LoggerFactory.getLogger(WeComChannelAdapter.class);

    /** Invalid or expired access token: fetch a new one, try once more. */
    private static final Set<Integer> TOKEN_REJECTED = Set.of(40014, 42001, 41001);

    /** Frequency limits: nothing was sent, a later try may pass. */
    private static final Set<Integer> BUSY = Set.of(45009, 45033);

    /** All recipients invalid. */
    private static final int NO_VALID_RECIPIENT = 81013;

    private static final int TITLE_BYTES = 128;
    private static final int DESCRIPTION_BYTES = 512;
    private static final int BUTTON_CHARS = 4;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

    private final WeComApiClient wecom;
    private final WeComAccessTokens tokens;
    private final ProviderGuard guard;
    private final CampusPlatformProperties.WeCom settings;

    WeComChannelAdapter(
            WeComApiClient wecom,
            WeComAccessTokens tokens,
            ProviderGuard guard,
            CampusPlatformProperties.WeCom settings) {
        this.wecom = wecom;
        this.tokens = tokens;
        this.guard = guard;
        this.settings = settings;
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
        List<String> warnings = new ArrayList<>();
        Map<String, Object> message = textcard(request, warnings);
        JsonNode answer = withToken("message/send", token -> wecom.send(token, message));
        int errcode = answer.path("errcode").asInt();
        if (errcode == NO_VALID_RECIPIENT) {
            return DeliveryOutcome.failed(
                    "WeCom errcode 81013: no valid recipient among " + recipients());
        }
        if (errcode != 0) {
            return refused("message/send", answer);
        }
        String msgid = answer.path("msgid").asString();
        for (String field : List.of("invaliduser", "invalidparty", "invalidtag")) {
            String invalid = answer.path(field).asString("");
            if (!invalid.isBlank()) {
                warnings.add(field + ": " + invalid);
            }
        }
        DeliveredVersion old = context.replacing();
        if (old != null && old.externalRef() != null && !old.externalRef().equals(msgid)) {
            warnings.addAll(recallReplaced(old));
        }
        log.info(
                "WeCom sent textcard {} for item {} version {}{}",
                msgid,
                request.itemId(),
                request.version(),
                warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")");
        return DeliveryOutcome.delivered(
                null, msgid, warnings.isEmpty() ? null : String.join("; ", warnings));
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        DeliveredVersion shown = context.replacing();
        if (shown == null || shown.externalRef() == null) {
            return new DeliveryOutcome.Retracted(
                    "no WeCom message id was recorded; nothing to recall");
        }
        String msgid = shown.externalRef();
        JsonNode answer = withToken("message/recall", token -> wecom.recall(token, msgid));
        if (answer.path("errcode").asInt() != 0) {
            return refused("message/recall", answer);
        }
        log.info("WeCom recalled message {} of item {}", msgid, retraction.itemId());
        return new DeliveryOutcome.Retracted("WeCom message " + msgid + " recalled");
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        return new DeliveryOutcome.Absent(
                "WeCom cannot look a message up; sending the identical card again, which its"
                        + " duplicate check drops");
    }

    /** The card; identical for every send of the same event, so the duplicate check works. */
    private Map<String, Object> textcard(PublicationRequested request, List<String> warnings) {
        String head =
                "<div class=\"gray\">%s</div><div class=\"highlight\">%s</div>"
                        .formatted(DATE.format(request.occurredAt()), escape(request.department()));
        if (!request.attachments().isEmpty()) {
            // the files themselves are on the page the card links to
            head += "<div class=\"gray\">附件%d个，详见页面</div>".formatted(request.attachments().size());
        }
        String description = head;
        if (request.summary() != null && !request.summary().isBlank()) {
            String open = "<div class=\"normal\">";
            String close = "</div>";
            int room =
                    DESCRIPTION_BYTES
                            - (head + open + close).getBytes(StandardCharsets.UTF_8).length;
            description =
                    head + open + cut("summary", escape(request.summary()), room, warnings) + close;
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("title", cut("title", request.title(), TITLE_BYTES, warnings));
        card.put("description", description);
        card.put("url", request.canonicalUrl().toString());
        String button = settings.buttonText();
        if (button.codePointCount(0, button.length()) > BUTTON_CHARS) {
            button = button.substring(0, button.offsetByCodePoints(0, BUTTON_CHARS));
        }
        card.put("btntxt", button);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("touser", settings.toUser());
        if (settings.toParty() != null) {
            message.put("toparty", settings.toParty());
        }
        if (settings.toTag() != null) {
            message.put("totag", settings.toTag());
        }
        message.put("msgtype", "textcard");
        message.put("agentid", settings.agentId());
        message.put("textcard", card);
        message.put("enable_duplicate_check", 1);
        message.put("duplicate_check_interval", settings.duplicateCheckInterval().toSeconds());
        return message;
    }

    private List<String> recallReplaced(DeliveredVersion old) {
        try {
            JsonNode answer =
                    withToken("message/recall", token -> wecom.recall(token, old.externalRef()));
            if (answer.path("errcode").asInt() == 0) {
                return List.of("recalled the card of version " + old.version());
            }
            return List.of(
                    "the card of version %d stays: recall refused, errcode %d %s"
                            .formatted(
                                    old.version(),
                                    answer.path("errcode").asInt(),
                                    answer.path("errmsg").asString("")));
        } catch (RuntimeException e) {
            // the new card is out; failing it now would send it again
            return List.of(
                    "the card of version %d stays: recall failed: %s"
                            .formatted(old.version(), e.getMessage()));
        }
    }

    /**
     * Calls with the shared token; a token WeCom rejects is invalidated and the call made once more
     * with a fresh one. Frequency limits are transient; they are answers, not outages, so they
     * never open the breaker.
     */
    private JsonNode withToken(String endpoint, Function<String, JsonNode> call) {
        String token = guard.call("gettoken", tokens::current);
        JsonNode answer = guard.call(endpoint, () -> call.apply(token));
        if (TOKEN_REJECTED.contains(answer.path("errcode").asInt())) {
            tokens.invalidate(token);
            String fresh = guard.call("gettoken", tokens::current);
            answer = guard.call(endpoint, () -> call.apply(fresh));
        }
        int errcode = answer.path("errcode").asInt();
        if (BUSY.contains(errcode) || TOKEN_REJECTED.contains(errcode)) {
            throw new TransientDeliveryFailure(
                    "WeCom %s: errcode %d %s"
                            .formatted(endpoint, errcode, answer.path("errmsg").asString("")));
        }
        return answer;
    }

    private DeliveryOutcome refused(String endpoint, JsonNode answer) {
        return DeliveryOutcome.failed(
                "WeCom %s refused: errcode %d %s"
                        .formatted(
                                endpoint,
                                answer.path("errcode").asInt(),
                                answer.path("errmsg").asString("")));
    }

    private String recipients() {
        return "touser=%s toparty=%s totag=%s"
                .formatted(settings.toUser(), settings.toParty(), settings.toTag());
    }

    private static String cut(String field, String value, int maxBytes, List<String> warnings) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return value;
        }
        int end = value.length();
        while (value.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes - 3) {
            end = value.offsetByCodePoints(end, -1);
        }
        warnings.add("%s cut to %d bytes".formatted(field, maxBytes));
        return value.substring(0, end) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
