package cn.college.disclosure.fakes.ledscreen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake screens at work: each polls its feed every {@code pollInterval} with the last ETag, and
 * after a 200 shows the feed's pages and acknowledges its {@code version}; a 304 changes nothing.
 * An acknowledgement that fails is sent again after the next poll (the ETag is kept only once the
 * version was acknowledged). A screen that could not refresh for the feed's {@code ttlSec} blanks,
 * as a real one must. A screen set down polls nothing until it is set up again. The polls run on
 * the fakes' {@link TaskScheduler}, from the moment the bean is ready until it is destroyed.
 */
class FakeLedScreens implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FakeLedScreens.class);

    /**
     * What a screen shows and how it is doing.
     *
     * @param pages what it shows now, in play order (a page's lines separated by {@code \n}); empty
     *     when blank
     * @param feedVersion the version it shows
     * @param acknowledgedVersion the last version the channel accepted its acknowledgement of
     */
    record ScreenState(
            String screenId,
            String group,
            URI feedUrl,
            boolean up,
            List<String> pages,
            @Nullable Long feedVersion,
            @Nullable Long acknowledgedVersion,
            @Nullable Instant lastRefreshAt,
            @Nullable String lastError,
            long polls,
            long acks) {}

    private final class Running {
        final FakeLedScreenProperties.Screen screen;
        @Nullable String etag;
        @Nullable Long feedVersion;
        @Nullable Long acknowledgedVersion;
        @Nullable Instant lastRefreshAt;
        @Nullable String lastError;
        long ttlSec = 60;
        List<String> pages = List.of();
        boolean up = true;
        long polls;
        long acks;
        @Nullable ScheduledFuture<?> task;

        Running(FakeLedScreenProperties.Screen screen) {
            this.screen = screen;
        }

        synchronized ScreenState state() {
            return new ScreenState(
                    screen.screenId(),
                    screen.group(),
                    screen.feedUrl(),
                    up,
                    pages,
                    feedVersion,
                    acknowledgedVersion,
                    lastRefreshAt,
                    lastError,
                    polls,
                    acks);
        }

        synchronized void poll() {
            if (!up) {
                return;
            }
            polls++;
            try {
                HttpRequest.Builder get =
                        HttpRequest.newBuilder(screen.feedUrl())
                                .timeout(Duration.ofSeconds(5))
                                .GET();
                if (etag != null) {
                    get.header("If-None-Match", etag);
                }
                HttpResponse<String> feed =
                        http.send(
                                get.build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (feed.statusCode() == 304) {
                    lastRefreshAt = clock.instant();
                    lastError = null;
                    return;
                }
                if (feed.statusCode() != 200) {
                    failed("feed answered " + feed.statusCode());
                    return;
                }
                JsonNode body = json.readTree(feed.body());
                long version = body.path("version").asLong();
                ttlSec = body.path("ttlSec").asLong(60);
                List<String> shown = new ArrayList<>();
                body.path("messages")
                        .forEach(m -> m.path("pages").forEach(p -> shown.add(p.asString())));
                pages = List.copyOf(shown);
                feedVersion = version;
                lastRefreshAt = clock.instant();
                if (acknowledge(version)) {
                    acknowledgedVersion = version;
                    etag = feed.headers().firstValue("ETag").orElse(null);
                    lastError = null;
                }
            } catch (IOException | RuntimeException e) {
                failed(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean acknowledge(long version) throws IOException, InterruptedException {
            HttpResponse<String> ack =
                    http.send(
                            HttpRequest.newBuilder(
                                            screen.feedUrl()
                                                    .resolve(
                                                            "../screens/"
                                                                    + screen.screenId()
                                                                    + "/ack"))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Authorization", "Bearer " + screen.key())
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"group\":%s,\"feedVersion\":%d}"
                                                            .formatted(
                                                                    json.writeValueAsString(
                                                                            screen.group()),
                                                                    version)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (ack.statusCode() != 200) {
                failed(
                        "acknowledgement of version %d answered %d %s"
                                .formatted(version, ack.statusCode(), ack.body()));
                return false;
            }
            acks++;
            log.info(
                    "Fake screen {} shows feed version {} of group {}: {} page(s)",
                    screen.screenId(),
                    version,
                    screen.group(),
                    pages.size());
            return true;
        }

        private void failed(String error) {
            lastError = error;
            log.warn("Fake screen {}: {}", screen.screenId(), error);
            if (lastRefreshAt == null
                    || Duration.between(lastRefreshAt, clock.instant()).toSeconds() >= ttlSec) {
                // stale text must never stay up
                pages = List.of();
            }
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final Map<String, Running> screens = new TreeMap<>();
    private final TaskScheduler scheduler;
    private boolean running;

    FakeLedScreens(FakeLedScreenProperties properties, TaskScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
        properties.screens().forEach(s -> screens.put(s.screenId(), new Running(s)));
    }

    /** Adds (or replaces) a screen and starts it if the fakes are running. */
    synchronized void add(FakeLedScreenProperties.Screen screen) {
        Running old = screens.remove(screen.screenId());
        if (old != null && old.task != null) {
            old.task.cancel(false);
        }
        Running running = new Running(screen);
        screens.put(screen.screenId(), running);
        if (this.running) {
            schedule(running);
        }
    }

    synchronized List<ScreenState> states() {
        return screens.values().stream().map(Running::state).toList();
    }

    /** Takes the screen down (it stops polling) or brings it back; false if unknown. */
    synchronized boolean setUp(String screenId, boolean up) {
        Running running = screens.get(screenId);
        if (running == null) {
            return false;
        }
        synchronized (running) {
            running.up = up;
            if (!up) {
                running.pages = List.of();
            }
            // back up: fetch the feed afresh rather than trust a 304 for a blank panel
            running.etag = null;
        }
        return true;
    }

    private void schedule(Running running) {
        running.task =
                scheduler.scheduleWithFixedDelay(running::poll, running.screen.pollInterval());
    }

    @Override
    public synchronized void afterPropertiesSet() {
        running = true;
        screens.values().forEach(this::schedule);
    }

    @Override
    public synchronized void destroy() {
        running = false;
        screens.values().stream()
                .map(screen -> screen.task)
                .filter(java.util.Objects::nonNull)
                .forEach(task -> task.cancel(true));
    }
}
