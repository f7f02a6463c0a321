package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an answer below 500 means (5xx never gets here: it is {@code ProviderUnavailable}): 2xx
 * taken, 429 "not now" (the channel parks until {@code Retry-After}, spending no retry), any other
 * 4xx a refusal an operator must look at.
 */
final class WebhookAnswers {

    private final CampusPlatformProperties.Webhook webhook;
    private final JsonMapper json;
    private final Clock clock;

    WebhookAnswers(CampusPlatformProperties.Webhook webhook, JsonMapper json, Clock clock) {
        this.webhook = webhook;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The outcome of a {@code notice.published}/{@code notice.updated}: the notice's URL and id
     * from a 2xx body ({@code url}, {@code noticeId}) if it has them.
     *
     * @throws ChannelParked on a 429
     */
    DeliveryOutcome published(PlatformAnswer answer, String noticeId) {
        if (answer.status() >= 200 && answer.status() < 300) {
            JsonNode body = parse(answer.body());
            String url = text(body, "url");
            String ref = text(body, "noticeId");
            return DeliveryOutcome.delivered(
                    url == null ? null : URI.create(url),
                    ref == null ? noticeId : ref,
                    url == null ? "the platform's answer named no notice URL" : null);
        }
        throttled(answer);
        return DeliveryOutcome.failed(refusal(answer));
    }

    /**
     * The outcome of a {@code notice.retracted}: 2xx, and 404/410 (the notice is already gone), are
     * a retraction.
     *
     * @throws ChannelParked on a 429
     */
    DeliveryOutcome retracted(PlatformAnswer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return DeliveryOutcome.retracted();
        }
        if (answer.status() == 404 || answer.status() == 410) {
            return new DeliveryOutcome.Retracted(
                    "the platform no longer had the notice (HTTP %d)".formatted(answer.status()));
        }
        throttled(answer);
        return DeliveryOutcome.failed(refusal(answer));
    }

    private void throttled(PlatformAnswer answer) {
        if (answer.status() == 429) {
            Duration wait = retryAfter(answer.retryAfter());
            throw new ChannelParked(
                    clock.instant().plus(wait),
                    "the campus platform answered 429 Too Many Requests (Retry-After: %s)"
                            .formatted(answer.retryAfter() == null ? "none" : answer.retryAfter()));
        }
    }

    /**
     * How long a 429 asks to wait: {@code Retry-After} in seconds or as an HTTP date, capped at
     * {@code max-retry-after}; {@code default-retry-after} when absent or unreadable.
     */
    Duration retryAfter(@Nullable String header) {
        Duration wait = webhook.defaultRetryAfter();
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at =
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                    .toInstant();
                    wait = Duration.between(clock.instant(), at);
                } catch (DateTimeParseException notADate) {
                    // keep the default
                }
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(webhook.maxRetryAfter()) > 0 ? webhook.maxRetryAfter() : wait;
    }

    private String refusal(PlatformAnswer answer) {
        return "the campus platform refused the notice: HTTP %d %s"
                .formatted(
                        answer.status(),
                        CampusPlatformApiClient.excerpt(answer.body(), webhook.excerptLength()))
                .strip();
    }

    private @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode body, String field) {
        if (body == null) {
            return null;
        }
        JsonNode value = body.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
