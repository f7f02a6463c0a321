package cn.college.disclosure.core.statistics;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings stale and missing past days of the fact table up to date in the background (shortly after
 * start-up, then every {@code publisher.statistics.recompute-interval}), so that a query rarely has
 * to recompute anything itself. One instance at a time (ShedLock {@code statistics-recompute}): two
 * would compute the same rows. Absent when {@code publisher.statistics.recompute-enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(
        name = "publisher.statistics.recompute-enabled",
        matchIfMissing = true)
class FactRecomputeScheduler {

    private static final Logger log = LoggerFactory.getLogger(FactRecomputeScheduler.class);

    private final FactRecompute recompute;

    FactRecomputeScheduler(FactRecompute recompute) {
        this.recompute = recompute;
    }

    @Scheduled(
            initialDelay = 30_000,
            fixedDelayString = "${publisher.statistics.recompute-interval:10m}")
    @SchedulerLock(name = "statistics-recompute", lockAtMostFor = "PT1H")
    public void recompute() {
        int days = recompute.ensureAllCurrent();
        if (days > 0) {
            log.info("Recomputed the statistics of {} days", days);
        }
    }
}
