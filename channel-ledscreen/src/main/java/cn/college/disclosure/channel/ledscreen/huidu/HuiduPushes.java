package cn.college.disclosure.channel.ledscreen.huidu;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every group's {@link HuiduPushAdapter} on its own schedule and thread (one thread per
 * controller, so one that hangs until its timeout delays no other), starting with a push of the
 * current feed, so that after a restart the controllers show what the feeds show now.
 */
class HuiduPushes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HuiduPushes.class);

    private final List<HuiduPushAdapter> adapters;
    private @Nullable ScheduledExecutorService scheduler;

    HuiduPushes(List<HuiduPushAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || adapters.isEmpty()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        scheduler =
                Executors.newScheduledThreadPool(
                        adapters.size(),
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "huidu-push-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        for (HuiduPushAdapter adapter : adapters) {
            long millis = adapter.checkInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> run(adapter), 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    private static void run(HuiduPushAdapter adapter) {
        try {
            adapter.pushIfChanged();
        } catch (RuntimeException e) {
            // e.g. the database is away; a scheduled task that throws is never run again
            log.warn(
                    "Could not check the feed of group {} for a push: {}",
                    adapter.group(),
                    e.toString());
        }
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
