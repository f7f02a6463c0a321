package cn.college.disclosure.channel.wechat.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuards;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WeChatCallsTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T15:30:00Z"), ZoneOffset.UTC);
    private final WeChatCalls calls =
            new WeChatCalls(
                    new ProviderGuards(
                                    CircuitBreakerRegistry.ofDefaults(),
                                    RateLimiterRegistry.ofDefaults(),
                                    ProviderGuards.Configured.nothing(),
                                    ProviderGuards.Configured.nothing(),
                                    clock)
                            .guard(WeChatApiClient.NAME),
                    clock,
                    CHINA);

    @Test
    void busyAndUnreachableAreTransientAndCountAgainstTheBreaker() {
        assertThatThrownBy(() -> calls.call("draft/get", refused(-1)))
                .isInstanceOf(TransientDeliveryFailure.class);
        assertThatThrownBy(() -> calls.call("draft/get", refused(45011)))
                .isInstanceOf(TransientDeliveryFailure.class);
        assertThatThrownBy(
                        () -> calls.call("draft/get", unreachable(new ConnectException(), false)))
                .isInstanceOf(TransientDeliveryFailure.class);
        assertThat(calls.guard().state().name()).isEqualTo("CLOSED");
        assertThatThrownBy(
                        () -> calls.call("draft/get", unreachable(new IOException("503"), false)))
                .as("the fourth provider failure opens the breaker: parked, not failed")
                .isInstanceOf(ChannelParked.class);
    }

    @Test
    void theDailyQuotaParksUntilMidnightInChina() {
        assertThatThrownBy(() -> calls.call("draft/add", refused(45009)))
                .isInstanceOfSatisfying(
                        ChannelParked.class,
                        parked ->
                                assertThat(parked.until())
                                        .isEqualTo(Instant.parse("2026-12-01T16:00:00Z")));
    }

    @Test
    void aRefusalAboutTheContentIsPassedOnAndNeverOpensTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> calls.call("draft/add", refused(47001)))
                    .isInstanceOf(WeChatRefused.class);
        }
        assertThat(calls.guard().state().name()).isEqualTo("CLOSED");
    }

    @Test
    void aLostAnswerToACallThatCreatesIsNotTransient() {
        assertThatThrownBy(
                        () ->
                                calls.create(
                                        "freepublish/submit",
                                        unreachable(
                                                new SocketTimeoutException("Read timed out"),
                                                true)))
                .isInstanceOf(WeChatAnswerLost.class);
        assertThatThrownBy(
                        () ->
                                calls.create(
                                        "freepublish/submit",
                                        unreachable(new ConnectException("refused"), false)))
                .as("a refused connection applied nothing")
                .isInstanceOf(TransientDeliveryFailure.class);
    }

    @Test
    void aLostAnswerThatOpensTheBreakerIsStillALostAnswerNotAPause() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(
                            () ->
                                    calls.call(
                                            "draft/get",
                                            unreachable(new ConnectException(), false)))
                    .isInstanceOf(TransientDeliveryFailure.class);
        }

        // the fourth failure opens the breaker; it may have applied the submit all the same
        assertThatThrownBy(
                        () ->
                                calls.create(
                                        "freepublish/submit",
                                        unreachable(
                                                new SocketTimeoutException("Read timed out"),
                                                true)))
                .isInstanceOf(WeChatAnswerLost.class);
        assertThat(calls.guard().state().name()).isEqualTo("OPEN");
    }

    private static java.util.function.Supplier<String> refused(int errcode) {
        return () -> {
            throw new WeChatRefused("x", errcode, "scripted");
        };
    }

    private static java.util.function.Supplier<String> unreachable(
            IOException cause, boolean mayHaveApplied) {
        return () -> {
            throw new WeChatUnreachable("x", cause, mayHaveApplied);
        };
    }
}
