package cn.college.disclosure.core.item;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires the items' schedules (定时发布, 定时下线) every {@code publisher.items.schedule-interval} (a second
 * by default) on the core's one scheduler, on one instance at a time (ShedLock {@code
 * item-schedules}). The state is the items' rows, so a restart loses nothing and an item whose time
 * passed while no instance ran goes out at the next run. Each item is released or withdrawn in its
 * own transaction with its row locked and its status checked again, so even two runs at once fire
 * it once.
 */
@Component
class ItemSchedules {

    private static final Logger log = LoggerFactory.getLogger(ItemSchedules.class);

    /** Items handled per run; a larger backlog continues at the next run. */
    private static final int BATCH = 100;

    private final ItemService items;

    ItemSchedules(ItemService items) {
        this.items = items;
    }

    /** Releases the scheduled versions and withdraws the live versions whose time has come. */
    @Scheduled(
            initialDelayString = "${publisher.items.schedule-interval:1s}",
            fixedDelayString = "${publisher.items.schedule-interval:1s}")
    @SchedulerLock(name = "item-schedules", lockAtMostFor = "PT5M")
    public void fire() {
        List<ItemId> due;
        try {
            due = items.dueSchedules(BATCH);
        } catch (RuntimeException e) {
            // e.g. the database is unreachable; the next run tries again
            log.warn("Item schedules not read: {}", e.toString());
            return;
        }
        for (ItemId id : due) {
            try {
                if (items.fireSchedule(id)) {
                    log.info("Item {}: schedule fired", id);
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Item {}: schedule not fired, retried at the next run: {}",
                        id,
                        e.toString());
            }
        }
    }
}
