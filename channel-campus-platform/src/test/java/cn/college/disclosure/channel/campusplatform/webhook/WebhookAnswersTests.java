package cn.college.disclosure.channel.campusplatform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookAnswersTests {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final WebhookAnswers answers =
            new WebhookAnswers(
                    new CampusPlatformProperties.Webhook(
                            URI.create("http://platform.example/hooks"),
                            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(30),
                            Duration.ofMinutes(10),
                            20),
                    JsonMapper.builder().build(),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSuccessKeepsTheNoticeUrlAndIdFromTheAnswer() {
        DeliveryOutcome outcome =
                answers.published(
                        new PlatformAnswer(
                                201,
                                "{\"noticeId\":\"N-7\",\"url\":\"https://campus.example/n/7\"}",
                                null),
                        "notice-x");

        assertThat(outcome)
                .isEqualTo(
                        DeliveryOutcome.delivered(URI.create("https://campus.example/n/7"), "N-7"));
    }

    @Test
    void aSuccessWithoutABodyIsDeliveredUnderOurNoticeId() {
        DeliveryOutcome outcome = answers.published(new PlatformAnswer(204, "", null), "notice-x");

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        DeliveryOutcome.Delivered delivered = (DeliveryOutcome.Delivered) outcome;
        assertThat(delivered.externalUrl()).isNull();
        assertThat(delivered.externalRef()).isEqualTo("notice-x");
        assertThat(delivered.detail()).contains("no notice URL");
    }

    @Test
    void aClientErrorFailsWithTheStatusAndAnExcerptOfTheBody() {
        DeliveryOutcome outcome =
                answers.published(
                        new PlatformAnswer(
                                422,
                                "{\"error\":\"category unknown to the platform, sorry\"}",
                                null),
                        "notice-x");

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason())
                .contains("HTTP 422")
                .contains("{\"error\":\"category u…")
                .doesNotContain("sorry");
    }

    @Test
    void tooManyRequestsParksUntilRetryAfter() {
        assertThatThrownBy(() -> answers.published(new PlatformAnswer(429, "", "120"), "notice-x"))
                .isInstanceOfSatisfying(
                        ChannelParked.class,
                        parked -> {
                            assertThat(parked.until()).isEqualTo(NOW.plusSeconds(120));
                            assertThat(parked.reason()).contains("429");
                        });
    }

    @Test
    void retryAfterMayBeADateIsCappedAndHasADefault() {
        assertThat(answers.retryAfter("Sun, 01 Mar 2026 08:01:00 GMT"))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(answers.retryAfter("86400")).isEqualTo(Duration.ofMinutes(10));
        assertThat(answers.retryAfter(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(answers.retryAfter("soon")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRetractionOfANoticeThePlatformNoLongerHasIsARetraction() {
        assertThat(answers.retracted(new PlatformAnswer(200, "{}", null)))
                .isInstanceOf(DeliveryOutcome.Retracted.class);
        assertThat(answers.retracted(new PlatformAnswer(410, "", null)))
                .isInstanceOf(DeliveryOutcome.Retracted.class);
        assertThat(answers.retracted(new PlatformAnswer(403, "forbidden", null)))
                .isInstanceOf(DeliveryOutcome.Failed.class);
    }
}
