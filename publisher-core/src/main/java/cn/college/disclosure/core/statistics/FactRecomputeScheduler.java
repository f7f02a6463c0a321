package cn.college.disclosure.core.statistics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings stale and missing past days of the fact table up to date in the background (shortly after
 * start-up, then every {@code publisher.statistics.recompute-interval}), so that a query rarely has
 * to recompute anything itself.
 */
@Component
class FactRecomputeScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FactRecomputeScheduler.class);

    private final FactRecompute recompute;
    private final StatisticsProperties properties;
    private @Nullable ScheduledExecutorService executor;

    FactRecomputeScheduler(FactRecompute recompute, StatisticsProperties properties) {
        this.recompute = recompute;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.recomputeEnabled() || executor != null) {
            return;
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "statistics-recompute");
                            thread.setDaemon(true);
                            return thread;
                        });
        long interval = properties.recomputeInterval().toMillis();
        executor.scheduleWithFixedDelay(
                this::recomputeSafely, Math.min(interval, 30_000), interval, TimeUnit.MILLISECONDS);
    }

    private void recomputeSafely() {
        try {
            int days = recompute.ensureAllCurrent();
            if (days > 0) {
                log.info("Recomputed the statistics of {} days", days);
            }
        } catch (RuntimeException e) {
            log.warn("Statistics recompute failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
