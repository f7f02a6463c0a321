package cn.college.disclosure.channel.runtime.scheduling;

import java.time.Duration;

/**
 * A job a channel service runs now and then on Spring's {@code TaskScheduler}; declare it as a
 * bean. A job that fails is logged and runs again at its next turn.
 *
 * @param name the job's name: its lock's name, its thread's and its log lines'
 * @param interval the pause between the end of one run and the start of the next
 * @param scope whether every instance runs it or only one at a time
 * @param task the job; tests call it directly
 */
public record ChannelJob(String name, Duration interval, Scope scope, Runnable task) {

    /** Where the job runs. */
    public enum Scope {
        /**
         * Each instance for itself: it looks at the instance's own state (its listener, its
         * health).
         */
        EVERY_INSTANCE,
        /** One instance at a time, behind a ShedLock lock of the job's name. */
        ONE_INSTANCE
    }

    public ChannelJob {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "job %s: interval %s is not positive".formatted(name, interval));
        }
    }

    /** A job each instance runs. */
    public static ChannelJob everyInstance(String name, Duration interval, Runnable task) {
        return new ChannelJob(name, interval, Scope.EVERY_INSTANCE, task);
    }

    /** A job one instance at a time runs. */
    public static ChannelJob oneInstance(String name, Duration interval, Runnable task) {
        return new ChannelJob(name, interval, Scope.ONE_INSTANCE, task);
    }
}
