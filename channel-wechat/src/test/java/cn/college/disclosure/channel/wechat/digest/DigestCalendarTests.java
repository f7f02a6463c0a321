package cn.college.disclosure.channel.wechat.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestCalendarTests {

    private final DigestCalendar calendar =
            new DigestCalendar(LocalTime.of(20, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void namesTheDigestAfterItsDayInChinaTime() {
        // 16:30 UTC is already the next day in China
        Instant lateUtc = Instant.parse("2026-11-28T16:30:00Z");

        assertThat(calendar.day(lateUtc)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(DigestCalendar.id(calendar.day(lateUtc))).isEqualTo("digest-2026-11-29");
    }

    @Test
    void isDueFromTheSendTimeInChinaOn() {
        assertThat(calendar.due(Instant.parse("2026-11-29T11:59:59Z"))).isFalse();
        assertThat(calendar.due(Instant.parse("2026-11-29T12:00:00Z"))).isTrue();
        assertThat(calendar.due(Instant.parse("2026-11-29T15:59:59Z"))).isTrue();
        assertThat(calendar.due(Instant.parse("2026-11-29T16:00:00Z"))).isFalse();
    }

    @Test
    void aDigestRefusedForTheDayWaitsForTheNextDaysSendTime() {
        assertThat(calendar.nextSendTime(Instant.parse("2026-11-29T12:00:01Z")))
                .isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(calendar.nextSendTime(Instant.parse("2026-11-29T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(calendar.nextMidnight(Instant.parse("2026-11-29T12:00:01Z")))
                .isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
    }

    @Test
    void refusesMoreArticlesThanWeChatTakes() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new WeChatDigestProperties(
                                        true,
                                        LocalTime.of(20, 0),
                                        ZoneId.of("Asia/Shanghai"),
                                        9,
                                        Duration.ofSeconds(30)))
                .withMessageContaining("max-articles is 9");
    }
}
