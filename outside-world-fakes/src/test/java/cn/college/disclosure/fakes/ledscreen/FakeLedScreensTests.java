package cn.college.disclosure.fakes.ledscreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class FakeLedScreensTests {

    private final AtomicInteger acks = new AtomicInteger();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private HttpServer feeds;

    @BeforeEach
    void serveAFeed() throws Exception {
        scheduler.setPoolSize(2);
        scheduler.initialize();
        feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext(
                "/led/feeds/demo.json",
                exchange -> {
                    byte[] feed =
                            "{\"version\":7,\"ttlSec\":60,\"messages\":[{\"pages\":[\"招生简章\"]}]}"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("ETag", "\"7\"");
                    exchange.sendResponseHeaders(200, feed.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(feed);
                    }
                });
        feeds.createContext(
                "/led/screens/gate/ack",
                exchange -> {
                    acks.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        feeds.start();
    }

    @AfterEach
    void stop() {
        feeds.stop(0);
        scheduler.shutdown();
    }

    @Test
    void pollsOnTheTaskSchedulerFromReadyUntilDestroyed() throws Exception {
        URI feed =
                URI.create(
                        "http://127.0.0.1:%d/led/feeds/demo.json"
                                .formatted(feeds.getAddress().getPort()));
        FakeLedScreens screens =
                new FakeLedScreens(
                        new FakeLedScreenProperties(
                                List.of(
                                        new FakeLedScreenProperties.Screen(
                                                "gate",
                                                "k",
                                                "demo",
                                                feed,
                                                Duration.ofMillis(100)))),
                        scheduler,
                        Clock.systemUTC());

        screens.afterPropertiesSet();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> screens.states().get(0).acknowledgedVersion() != null);
        assertThat(screens.states().get(0).pages()).containsExactly("招生简章");
        assertThat(acks.get()).isEqualTo(1);

        screens.destroy();
        long polls = screens.states().get(0).polls();
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> screens.states().get(0).polls() == polls);
    }
}
