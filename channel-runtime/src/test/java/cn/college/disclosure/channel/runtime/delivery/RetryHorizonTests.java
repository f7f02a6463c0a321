package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

/** The retry schedule: Knock's exponential phase, then hourly, up to the horizon. */
class RetryHorizonTests {

    private static final Instant NOW = Instant.parse("2026-11-29T03:30:00Z");
    private static final ChannelRuntimeProperties.Retry DEFAULTS =
            new ChannelRuntimeProperties.Retry(
                    Duration.ofSeconds(15),
                    2.0,
                    Duration.ofMinutes(16),
                    Duration.ZERO,
                    8,
                    Duration.ofHours(1),
                    Duration.ofHours(24));

    @Test
    void triesEightTimesInAboutHalfAnHourThenHourly() {
        BackOffExecution schedule =
                new RetryHorizon(DEFAULTS, NOW, Clock.fixed(NOW, ZoneOffset.UTC)).start();

        long firstSeven = 0;
        for (int i = 0; i < 7; i++) {
            firstSeven += schedule.nextBackOff();
        }

        assertThat(Duration.ofMillis(firstSeven))
                .isBetween(Duration.ofMinutes(25), Duration.ofMinutes(35));
        assertThat(schedule.nextBackOff()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(schedule.nextBackOff()).isEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void countsTheHorizonFromTheFirstFailureTheLedgerKeptNotFromARestart() {
        Instant since = NOW.minus(Duration.ofHours(23).plusMinutes(50));
        RetryHorizon horizon = new RetryHorizon(DEFAULTS, since, Clock.fixed(NOW, ZoneOffset.UTC));

        BackOffExecution schedule = horizon.start();
        for (int i = 0; i < 7; i++) {
            schedule.nextBackOff();
        }

        // the hourly wait is cut to the ten minutes left, then nothing more
        assertThat(schedule.nextBackOff()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(horizon.ranOut()).isFalse();
        assertThat(
                        new RetryHorizon(
                                        DEFAULTS,
                                        since,
                                        Clock.fixed(
                                                NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                                .start()
                                .nextBackOff())
                .isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void addsJitterWithinTheBoundsOfEachWait() {
        ChannelRuntimeProperties.Retry jittery =
                new ChannelRuntimeProperties.Retry(
                        Duration.ofSeconds(15),
                        2.0,
                        Duration.ofMinutes(16),
                        Duration.ofSeconds(5),
                        8,
                        Duration.ofHours(1),
                        Duration.ofHours(24));
        long first =
                new RetryHorizon(jittery, NOW, Clock.fixed(NOW, ZoneOffset.UTC))
                        .start()
                        .nextBackOff();

        assertThat(first)
                .isBetween(Duration.ofSeconds(10).toMillis(), Duration.ofSeconds(20).toMillis());
    }
}
