package cn.college.disclosure.fakes.campusplatform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The platform's state: the notices (one per {@code noticeId}, updated by later versions, retracted
 * by {@code notice.retracted}), the answer given to every {@code webhook-id} (a repeat gets the
 * same answer and changes nothing), every message received, the scripts and the outage switch.
 */
class FakeCampusPlatform {

    /** One notice as the platform shows it. */
    static final class Notice {
        final String noticeId;
        String itemId = "";
        int version;
        String title = "";
        @Nullable String summary;
        @Nullable String url;
        @Nullable String category;
        @Nullable String department;
        @Nullable String publishedAt;
        boolean retracted;
        @Nullable String retractionReason;
        final List<String> types = new ArrayList<>();
        final List<String> webhookIds = new ArrayList<>();
        int duplicatesIgnored;

        Notice(String noticeId) {
            this.noticeId = noticeId;
        }
    }

    /** What was answered to a webhook id, to answer a repeat the same way. */
    record Answer(int status, Map<String, Object> body) {}

    private final FakeCampusPlatformProperties properties;
    private final Clock clock;
    private final Map<String, Notice> notices = new LinkedHashMap<>();
    private final Map<String, Answer> answered = new HashMap<>();
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final Deque<ScriptedAnswer> scripts = new ArrayDeque<>();
    private int duplicatesIgnored;
    private int rejected;
    private boolean down;
    private String secret;

    FakeCampusPlatform(FakeCampusPlatformProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.secret = properties.secret();
    }

    /** The verifier for the signing secret in force (the platform may have rotated it). */
    synchronized WebhookVerifier verifier() {
        return new WebhookVerifier(secret, properties.tolerance());
    }

    synchronized void secret(String secret) {
        this.secret = secret;
    }

    synchronized void received(
            @Nullable String webhookId, boolean signatureValid, int status, String detail) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("webhookId", webhookId);
        message.put("receivedAt", clock.instant().toString());
        message.put("signatureValid", signatureValid);
        message.put("status", status);
        message.put("detail", detail);
        messages.add(message);
        if (!signatureValid) {
            rejected++;
        }
    }

    /** The earlier answer to this webhook id, if it was handled before. */
    synchronized Optional<Answer> repeated(String webhookId) {
        Answer answer = answered.get(webhookId);
        if (answer == null) {
            return Optional.empty();
        }
        duplicatesIgnored++;
        Object noticeId = answer.body().get("noticeId");
        if (noticeId != null && notices.containsKey(noticeId.toString())) {
            notices.get(noticeId.toString()).duplicatesIgnored++;
        }
        return Optional.of(answer);
    }

    /** Applies a genuine, new message and remembers the answer under its webhook id. */
    synchronized Answer apply(String webhookId, JsonNode message) {
        String type = message.path("type").asString("");
        String noticeId = message.path("noticeId").asString("");
        Answer answer;
        if (noticeId.isBlank()) {
            answer = new Answer(400, Map.of("error", "noticeId missing"));
        } else if (type.equals("notice.published") || type.equals("notice.updated")) {
            answer = publish(noticeId, type, webhookId, message);
        } else if (type.equals("notice.retracted")) {
            Notice notice = notices.get(noticeId);
            if (notice == null) {
                answer = new Answer(404, Map.of("error", "unknown notice " + noticeId));
            } else {
                notice.retracted = true;
                notice.retractionReason = nullable(message, "reason");
                notice.types.add(type);
                notice.webhookIds.add(webhookId);
                answer = new Answer(200, Map.of("noticeId", noticeId, "status", "retracted"));
            }
        } else {
            answer = new Answer(400, Map.of("error", "unknown type '" + type + "'"));
        }
        answered.put(webhookId, answer);
        return answer;
    }

    private Answer publish(String noticeId, String type, String webhookId, JsonNode message) {
        for (String field : List.of("itemId", "title", "url")) {
            if (message.path(field).asString("").isBlank()) {
                return new Answer(422, Map.of("error", field + " missing", "noticeId", noticeId));
            }
        }
        Notice notice = notices.computeIfAbsent(noticeId, Notice::new);
        notice.itemId = message.path("itemId").asString();
        notice.version = message.path("version").asInt();
        notice.title = message.path("title").asString();
        notice.summary = nullable(message, "summary");
        notice.url = nullable(message, "url");
        notice.category = nullable(message, "category");
        notice.department = nullable(message, "department");
        notice.publishedAt = nullable(message, "publishedAt");
        notice.retracted = false;
        notice.types.add(type);
        notice.webhookIds.add(webhookId);
        return new Answer(
                200,
                Map.of(
                        "noticeId",
                        noticeId,
                        "url",
                        properties.noticeBaseUrl() + noticeId,
                        "status",
                        type.equals("notice.updated") ? "updated" : "published"));
    }

    synchronized List<Map<String, Object>> notices() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Notice notice : notices.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("noticeId", notice.noticeId);
            view.put("itemId", notice.itemId);
            view.put("version", notice.version);
            view.put("title", notice.title);
            view.put("summary", notice.summary);
            view.put("url", notice.url);
            view.put("category", notice.category);
            view.put("department", notice.department);
            view.put("publishedAt", notice.publishedAt);
            view.put("retracted", notice.retracted);
            view.put("retractionReason", notice.retractionReason);
            view.put("types", List.copyOf(notice.types));
            view.put("webhookIds", List.copyOf(notice.webhookIds));
            // a notice only exists through messages whose signature was verified
            view.put("signatureValid", true);
            view.put("duplicatesIgnored", notice.duplicatesIgnored);
            list.add(view);
        }
        return list;
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messages", List.copyOf(messages));
        view.put("duplicatesIgnored", duplicatesIgnored);
        view.put("rejected", rejected);
        view.put("down", down);
        return view;
    }

    synchronized void script(ScriptedAnswer answer) {
        scripts.add(answer);
    }

    synchronized Optional<ScriptedAnswer> nextScript() {
        ScriptedAnswer head = scripts.poll();
        if (head == null) {
            return Optional.empty();
        }
        if (head.times() > 1) {
            scripts.addFirst(head.once());
        }
        return Optional.of(head);
    }

    synchronized boolean down() {
        return down;
    }

    synchronized void down(boolean down) {
        this.down = down;
    }

    synchronized void reset() {
        notices.clear();
        answered.clear();
        messages.clear();
        scripts.clear();
        duplicatesIgnored = 0;
        rejected = 0;
        down = false;
        secret = properties.secret();
    }

    Instant now() {
        return clock.instant();
    }

    private static @Nullable String nullable(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
