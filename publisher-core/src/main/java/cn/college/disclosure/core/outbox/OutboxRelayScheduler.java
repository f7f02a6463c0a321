package cn.college.disclosure.core.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the relay on its own thread with a fixed delay between batches, so a broker outage slows
 * only the relay, never the web threads. Starts after everything else and stops first.
 */
@Component
class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile @Nullable ScheduledExecutorService executor;

    OutboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "outbox-relay");
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.scheduleWithFixedDelay(
                this::relaySafely,
                properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a batch now rather than at the next tick: called when an approval commits, so that its
     * event leaves at once. Wake-ups that arrive while one is queued fold into it.
     */
    void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeUpQueued.compareAndSet(false, true)) {
            try {
                running.execute(
                        () -> {
                            wakeUpQueued.set(false);
                            relaySafely();
                        });
            } catch (RejectedExecutionException stopping) {
                wakeUpQueued.set(false);
            }
        }
    }

    private void relaySafely() {
        try {
            relay.relayBatch();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable; the next tick tries again
            log.warn("Outbox relay batch failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(
                        properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
