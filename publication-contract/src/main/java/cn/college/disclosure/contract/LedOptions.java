package cn.college.disclosure.contract;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How an item is to be shown on the LED screens, as the liaison chose it. Every component is
 * optional; the LED channel decides what is absent from the screen group's configuration.
 *
 * @param groups the screen groups to show the item on (names of {@code channel.ledscreen.groups});
 *     every group that shows the item's department when absent or empty
 * @param priority the message's priority; the group's when absent
 * @param startAt when the message starts being shown; the approval time when absent
 * @param expireAt when the message leaves the screens; {@code startAt} + the group's lifetime when
 *     absent. After {@code startAt} when both are given
 */
public record LedOptions(
        @Nullable Set<String> groups,
        @Nullable LedPriority priority,
        @Nullable Instant startAt,
        @Nullable Instant expireAt) {

    public LedOptions {
        // sorted, so that the same options always serialise to the same bytes
        groups =
                groups == null || groups.isEmpty()
                        ? null
                        : Collections.unmodifiableSet(new TreeSet<>(groups));
    }
}
