package cn.college.disclosure.channel.ledscreen.feed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Recomputes every group's feed now and then, so that expiry, start times and the end of an
 * emergency move the feed on (and deliver in groups that need no acknowledgement) even while no
 * screen polls.
 */
class FeedRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);

    private final Feeds feeds;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    FeedRefresher(Feeds feeds, Duration interval) {
        this.feeds = feeds;
        this.interval = interval;
    }

    private void refresh() {
        try {
            feeds.refreshAll();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the LED feeds: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "led-feed-refresher");
                            thread.setDaemon(true);
                            return thread;
                        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
