package cn.college.disclosure.channel.runtime.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Registers every {@link ChannelJob} bean with Spring's scheduler (Boot's {@code TaskScheduler},
 * {@code spring.task.scheduling.*}) once the context is refreshed, a fixed delay after each run; a
 * {@link ChannelJob.Scope#ONE_INSTANCE} job runs only where its ShedLock lock is free, and a run
 * that fails is logged, never stops the job.
 */
class ChannelJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ChannelJobs.class);

    private final List<ChannelJob> jobs;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration lockAtMostFor;
    private final Duration lockAtLeastFor;

    ChannelJobs(
            List<ChannelJob> jobs,
            LockingTaskExecutor locks,
            Clock clock,
            Duration lockAtMostFor,
            Duration lockAtLeastFor) {
        this.jobs = List.copyOf(jobs);
        this.locks = locks;
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
        this.lockAtLeastFor = lockAtLeastFor;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (ChannelJob job : jobs) {
            registrar.addFixedDelayTask(() -> run(job), job.interval());
            log.info("Scheduled {} every {} ({})", job.name(), job.interval(), job.scope());
        }
    }

    /** One run of the job, under its lock if it needs one. */
    void run(ChannelJob job) {
        try {
            if (job.scope() == ChannelJob.Scope.ONE_INSTANCE) {
                locks.executeWithLock(
                        job.task(),
                        new LockConfiguration(
                                clock.instant(), job.name(), lockAtMostFor, lockAtLeastFor));
            } else {
                job.task().run();
            }
        } catch (RuntimeException e) {
            // e.g. the database is away; the next run tries again
            log.warn("Job {} failed: {}", job.name(), e.toString());
        }
    }
}
