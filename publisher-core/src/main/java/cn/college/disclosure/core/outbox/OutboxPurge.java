package cn.college.disclosure.core.outbox;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox rows sent longer than {@code publisher.outbox.retention} ago, every {@code
 * publisher.outbox.purge-interval}, on one instance at a time (ShedLock {@code outbox-purge}).
 * Unsent rows stay whatever their age: they are the relay's work.
 */
@Component
class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);

    /** Rows deleted per statement, so that a large backlog never holds one long transaction. */
    private static final int CHUNK = 10_000;

    private final Outbox outbox;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxPurge(Outbox outbox, OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges the rows sent before now minus the retention. */
    @Scheduled(
            initialDelayString = "${publisher.outbox.purge-interval:1h}",
            fixedDelayString = "${publisher.outbox.purge-interval:1h}")
    @SchedulerLock(name = "outbox-purge", lockAtMostFor = "PT30M")
    public void purge() {
        Instant sentBefore = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deleteSentBefore(sentBefore, CHUNK);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Purged {} outbox rows sent before {}", total, sentBefore);
        }
    }
}
