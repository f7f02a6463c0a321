package cn.college.disclosure.core.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the relay on the core's task scheduler with a fixed delay between batches, so a broker
 * outage slows only the relay, never the web threads; it keeps trying while the broker is down.
 * Every instance polls; the relay lock lets one of them send at a time, and another takes over
 * within a poll interval when that one stops or dies. Absent when {@code
 * publisher.outbox.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "publisher.outbox.enabled", matchIfMissing = true)
class OutboxRelayScheduler {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final TaskScheduler scheduler;

    /** One batch at a time on this instance: a wake-up waits for the batch under way. */
    private final ReentrantLock batches = new ReentrantLock();

    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

    OutboxRelayScheduler(OutboxRelay relay, TaskScheduler scheduler) {
        this.relay = relay;
        this.scheduler = scheduler;
    }

    @Scheduled(
            initialDelayString = "${publisher.outbox.poll-interval:100ms}",
            fixedDelayString = "${publisher.outbox.poll-interval:100ms}")
    void poll() {
        relaySafely(false);
    }

    /**
     * Runs a batch now rather than at the next tick: called when an approval commits, so that its
     * event leaves at once. Wake-ups that arrive while one is queued fold into it.
     */
    void wakeUp() {
        if (wakeUpQueued.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> relaySafely(true), scheduler.getClock().instant());
            } catch (TaskRejectedException stopping) {
                wakeUpQueued.set(false);
            }
        }
    }

    private void relaySafely(boolean wakeUp) {
        batches.lock();
        try {
            if (wakeUp) {
                wakeUpQueued.set(false);
            }
            relay.relayBatch();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable; the next tick tries again
            log.warn("Outbox relay batch failed: {}", e.toString());
        } finally {
            batches.unlock();
        }
    }
}
