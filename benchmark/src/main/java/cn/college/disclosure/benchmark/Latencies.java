package cn.college.disclosure.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of measured durations. */
record Latencies(long[] sortedNanos) {

    static Latencies of(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    Duration percentile(double p) {
        if (sortedNanos.length == 0) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return Duration.ofNanos(sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))]);
    }

    int count() {
        return sortedNanos.length;
    }

    static String millis(Duration duration) {
        return "%.1f ms".formatted(duration.toNanos() / 1_000_000.0);
    }
}
