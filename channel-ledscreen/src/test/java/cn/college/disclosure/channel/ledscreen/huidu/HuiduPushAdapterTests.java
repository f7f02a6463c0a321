package cn.college.disclosure.channel.ledscreen.huidu;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Push;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.PushType;
import cn.college.disclosure.channel.ledscreen.feed.Feeds;
import cn.college.disclosure.channel.ledscreen.feed.GroupFeed;
import cn.college.disclosure.channel.ledscreen.screens.Screens;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuard;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuiduPushAdapterTests {

    private final MovableClock clock = new MovableClock();
    private final Feeds feeds = mock(Feeds.class);
    private final Screens screens = mock(Screens.class);
    private final HuiduApiClient client = mock(HuiduApiClient.class);
    private final HuiduPushAdapter adapter =
            new HuiduPushAdapter(
                    group(),
                    feeds,
                    screens,
                    client,
                    new ProviderGuard(
                            CircuitBreaker.ofDefaults("huidu-gate"),
                            RateLimiter.ofDefaults("huidu-gate"),
                            clock),
                    clock);

    /** The same controller behind a breaker that one failure opens for 30 s. */
    private final HuiduPushAdapter tripping =
            new HuiduPushAdapter(
                    group(),
                    feeds,
                    screens,
                    client,
                    new ProviderGuard(
                            CircuitBreaker.of(
                                    "huidu-gate",
                                    CircuitBreakerConfig.custom()
                                            .minimumNumberOfCalls(1)
                                            .slidingWindowSize(1)
                                            .waitDurationInOpenState(Duration.ofSeconds(30))
                                            .recordExceptions(ProviderUnavailable.class)
                                            .clock(clock)
                                            .build()),
                            RateLimiter.ofDefaults("huidu-gate"),
                            clock),
                    clock);

    @Test
    void pushesEachFeedVersionOnceAndCountsTheControllerTakingItAsItsAcknowledgement() {
        feedAt(3);
        when(client.push(any(), any())).thenReturn(new HuiduApiClient.Answer(200, "ok"));

        adapter.pushIfChanged();
        adapter.pushIfChanged();

        verify(client, times(1)).push(any(), any());
        verify(feeds, times(1)).acknowledged("gate", 3, "gate-ctl");
        verify(screens, times(1)).acknowledged("gate-ctl", "gate", 3);
    }

    @Test
    void anUnavailableControllerIsPushedAgainAtTheNextCheckWithTheFeedAsItIsThen() {
        feedAt(3);
        when(client.push(any(), any()))
                .thenThrow(new HuiduControllerUnavailable("answered 503"))
                .thenReturn(new HuiduApiClient.Answer(200, "ok"));

        adapter.pushIfChanged();

        verify(screens).failed(eq("gate-ctl"), eq("gate"), contains("answered 503"));
        verify(feeds, never()).acknowledged(anyString(), anyLong(), anyString());

        feedAt(4);
        adapter.pushIfChanged();

        verify(client, times(2)).push(any(), any());
        verify(feeds).acknowledged("gate", 4, "gate-ctl");
    }

    @Test
    void nothingIsPushedWhileTheControllersBreakerIsOpenUntilItsProbeTime() {
        feedAt(3);
        when(client.push(any(), any()))
                .thenThrow(new HuiduControllerUnavailable("connection refused"))
                .thenReturn(new HuiduApiClient.Answer(200, "ok"));
        tripping.pushIfChanged(); // opens the breaker

        tripping.pushIfChanged();
        clock.advance(Duration.ofSeconds(29));
        tripping.pushIfChanged();

        verify(client, times(1)).push(any(), any());
        verify(screens).failed(eq("gate-ctl"), eq("gate"), contains("connection refused"));
        verify(feeds, never()).acknowledged(anyString(), anyLong(), anyString());

        clock.advance(Duration.ofSeconds(2));
        tripping.pushIfChanged(); // the probe

        verify(client, times(2)).push(any(), any());
        verify(feeds).acknowledged("gate", 3, "gate-ctl");
    }

    @Test
    void aRefusedProgramIsNotPushedAgainUntilTheFeedMovesOn() {
        feedAt(3);
        when(client.push(any(), any()))
                .thenReturn(new HuiduApiClient.Answer(400, "bad item"))
                .thenReturn(new HuiduApiClient.Answer(200, "ok"));

        adapter.pushIfChanged();
        clock.advance(Duration.ofMinutes(10));
        adapter.pushIfChanged();

        verify(client, times(1)).push(any(), any());
        verify(screens).failed(eq("gate-ctl"), eq("gate"), contains("HTTP 400"));
        verify(feeds, never()).acknowledged(anyString(), anyLong(), anyString());

        feedAt(4);
        adapter.pushIfChanged();

        verify(feeds).acknowledged("gate", 4, "gate-ctl");
    }

    private void feedAt(long version) {
        when(feeds.current("gate"))
                .thenReturn(new GroupFeed("gate", version, clock.instant(), List.of()));
    }

    private static Group group() {
        return new Group(
                "gate",
                128,
                64,
                16,
                0,
                DisplayMode.PAGE,
                Duration.ofSeconds(6),
                Duration.ofDays(3),
                Priority.NORMAL,
                true,
                List.of(),
                List.of(),
                new Push(
                        PushType.HUIDU,
                        URI.create("http://controller.invalid:30080/"),
                        "gate-ctl",
                        "key",
                        "secret",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5)));
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-29T03:30:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
