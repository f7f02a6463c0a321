package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.LedPriority;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * How a version of an item is shown on the LED screens. The core cannot check group names (the
 * groups are the LED channel's configuration), only their form; the channel reports a name it does
 * not know as a failed delivery.
 *
 * @param groups the screen groups to show the item on; every group when empty
 * @param priority the message's priority within each group
 * @param startAt when the screens start showing it; the approval time when absent
 * @param expireAt when it leaves the screens; the group's lifetime after the start when absent,
 *     otherwise after {@code startAt}
 */
public record LedDisplay(
        Set<String> groups,
        LedPriority priority,
        @Nullable Instant startAt,
        @Nullable Instant expireAt) {

    /** What an item that says nothing about the screens gets: the groups' defaults. */
    static final LedDisplay DEFAULT = new LedDisplay(Set.of(), LedPriority.NORMAL, null, null);

    public LedDisplay {
        groups = java.util.Collections.unmodifiableSet(new TreeSet<>(groups));
        if (startAt != null && expireAt != null && !expireAt.isAfter(startAt)) {
            throw new LedExpiryNotAfterStart(startAt, expireAt);
        }
    }
}
