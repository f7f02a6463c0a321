package cn.college.disclosure.channel.ledscreen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a group's screens show at an instant: windows, priorities, emergency preemption. */
class FeedMessageTests {

    private static final Instant NOON = Instant.parse("2024-09-01T04:00:00Z");

    @Test
    void showsUrgentMessagesBeforeNormalOnesAndOlderOnesFirst() {
        FeedMessage normalOld = message(1, Priority.NORMAL, NOON.minusSeconds(60), hours(1));
        FeedMessage normalNew = message(2, Priority.NORMAL, NOON.minusSeconds(30), hours(1));
        FeedMessage urgent = message(3, Priority.URGENT, NOON.minusSeconds(10), hours(1));

        assertThat(FeedMessage.onAir(List.of(normalNew, urgent, normalOld), NOON))
                .extracting(FeedMessage::id)
                .containsExactly(3L, 1L, 2L);
    }

    @Test
    void anEmergencyPreemptsEveryOtherMessageOfItsGroupUntilItExpires() {
        FeedMessage normal = message(1, Priority.NORMAL, NOON.minusSeconds(60), hours(2));
        FeedMessage urgent = message(2, Priority.URGENT, NOON.minusSeconds(60), hours(2));
        FeedMessage emergency = message(3, Priority.EMERGENCY, NOON, Duration.ofMinutes(30));
        List<FeedMessage> group = List.of(normal, urgent, emergency);

        assertThat(FeedMessage.onAir(group, NOON.plusSeconds(1)))
                .extracting(FeedMessage::id)
                .containsExactly(3L);
        assertThat(FeedMessage.onAir(group, NOON.plus(Duration.ofMinutes(30))))
                .extracting(FeedMessage::id)
                .containsExactly(2L, 1L);
    }

    @Test
    void messagesDropOutByThemselvesWhenTheyExpireOnAControllableClock() {
        Clock start = Clock.fixed(NOON, ZoneOffset.UTC);
        FeedMessage shortLived = message(1, Priority.NORMAL, NOON, Duration.ofMinutes(5));
        FeedMessage longLived = message(2, Priority.NORMAL, NOON, Duration.ofDays(3));
        List<FeedMessage> group = List.of(shortLived, longLived);

        assertThat(FeedMessage.onAir(group, start.instant())).hasSize(2);
        Clock later = Clock.offset(start, Duration.ofMinutes(5));
        assertThat(FeedMessage.onAir(group, later.instant()))
                .extracting(FeedMessage::id)
                .containsExactly(2L);
        Clock muchLater = Clock.offset(start, Duration.ofDays(3));
        assertThat(FeedMessage.onAir(group, muchLater.instant())).isEmpty();
    }

    @Test
    void aMessageIsNotShownBeforeItsStart() {
        FeedMessage tomorrow =
                message(1, Priority.EMERGENCY, NOON.plus(Duration.ofDays(1)), hours(1));
        FeedMessage now = message(2, Priority.NORMAL, NOON, hours(1));

        assertThat(FeedMessage.onAir(List.of(tomorrow, now), NOON))
                .extracting(FeedMessage::id)
                .containsExactly(2L);
    }

    private static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }

    static FeedMessage message(long id, Priority priority, Instant startAt, Duration lifetime) {
        return new FeedMessage(
                id,
                UUID.randomUUID(),
                1,
                "gate",
                priority,
                DisplayMode.STATIC,
                8,
                List.of("通知" + id),
                startAt,
                startAt.plus(lifetime),
                null);
    }
}
