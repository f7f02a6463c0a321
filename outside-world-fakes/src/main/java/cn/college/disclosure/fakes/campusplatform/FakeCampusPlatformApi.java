package cn.college.disclosure.fakes.campusplatform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's webhook endpoint, {@code POST /campus/webhooks/notices}: while it is down, 503;
 * then a scripted answer if one is queued; then the signature (401 if bad); then the webhook id (a
 * repeat gets the first answer and changes nothing); then the message is applied.
 */
@RestController
class FakeCampusPlatformApi {

    private static final Logger log = LoggerFactory.getLogger(FakeCampusPlatformApi.class);

    private final FakeCampusPlatform platform;
    private final JsonMapper json;

    FakeCampusPlatformApi(FakeCampusPlatform platform, JsonMapper json) {
        this.platform = platform;
        this.json = json;
    }

    @PostMapping("/campus/webhooks/notices")
    void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String webhookId = request.getHeader("webhook-id");
        if (platform.down()) {
            platform.received(webhookId, true, 503, "platform down");
            write(response, 503, Map.of("error", "service unavailable"), null);
            return;
        }
        Optional<ScriptedAnswer> script = platform.nextScript();
        if (script.isPresent()) {
            ScriptedAnswer scripted = script.get();
            log.info("Scripted answer for {}: {}", webhookId, scripted);
            if (scripted.delayMillis() != null) {
                pause(scripted.delayMillis());
            }
            if (scripted.httpStatus() != null) {
                platform.received(webhookId, true, scripted.httpStatus(), "scripted");
                writeRaw(
                        response,
                        scripted.httpStatus(),
                        scripted.body() == null ? "" : scripted.body(),
                        scripted.retryAfter());
                return;
            }
        }
        String problem =
                platform.verifier()
                        .problem(
                                webhookId,
                                request.getHeader("webhook-timestamp"),
                                request.getHeader("webhook-signature"),
                                body,
                                platform.now());
        if (problem != null) {
            log.info("Refused webhook {}: {}", webhookId, problem);
            platform.received(webhookId, false, 401, problem);
            write(response, 401, Map.of("error", problem), null);
            return;
        }
        FakeCampusPlatform.Answer answer;
        Optional<FakeCampusPlatform.Answer> repeated = platform.repeated(webhookId);
        if (repeated.isPresent()) {
            answer = repeated.get();
            log.info("Webhook {} seen before; answering as then, changing nothing", webhookId);
            platform.received(webhookId, true, answer.status(), "duplicate ignored");
        } else {
            JsonNode message;
            try {
                message = json.readTree(body);
            } catch (JacksonException e) {
                platform.received(webhookId, true, 400, "not JSON");
                write(response, 400, Map.of("error", "body is not JSON"), null);
                return;
            }
            answer = platform.apply(webhookId, message);
            log.info(
                    "Webhook {} ({} {}): {}",
                    webhookId,
                    message.path("type").asString(),
                    message.path("noticeId").asString(),
                    answer.status());
            platform.received(webhookId, true, answer.status(), "applied");
        }
        if (script.isPresent() && script.get().drops()) {
            log.info("Webhook {} applied; dropping the connection before the answer", webhookId);
            drop(response);
            return;
        }
        write(response, answer.status(), answer.body(), null);
    }

    private void write(
            HttpServletResponse response,
            int status,
            Map<String, Object> body,
            @Nullable String retryAfter)
            throws IOException {
        writeRaw(response, status, json.writeValueAsString(body), retryAfter);
    }

    private static void writeRaw(
            HttpServletResponse response, int status, String body, @Nullable String retryAfter)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Promises more bytes than it sends, as when a connection drops after the call was applied. */
    private static void drop(HttpServletResponse response) throws IOException {
        byte[] partial = "{\"noticeId\":".getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(4096);
        response.getOutputStream().write(partial);
        response.flushBuffer();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
