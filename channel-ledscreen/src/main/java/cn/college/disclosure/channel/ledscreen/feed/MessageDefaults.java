package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.contract.LedOptions;
import cn.college.disclosure.contract.PublicationRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides an item's LED message from the item's {@link LedOptions} (the
 * liaison's choice) and the group's configuration (the defaults): which groups, which priority,
 * which display window. Events written before the options existed carry none and get the defaults
 * throughout.
 */
class MessageDefaults {

    private final LedScreenProperties properties;

    MessageDefaults(LedScreenProperties properties) {
        this.properties = properties;
    }

    /**
     * The groups an item goes to, or why it cannot go to the ones it names.
     *
     * @param refusal set when the item names a group that is not configured or that does not show
     *     the item's department; the item then goes to no group at all, because showing it on some
     *     of the named screens and silently not on others would look like success
     */
    record Choice(List<Group> groups, @Nullable String refusal) {}

    /**
     * The groups the item names, when it names any (each must be configured and show the item's
     * department); otherwise every configured group that shows the item's department.
     */
    Choice groupsFor(PublicationRequested request) {
        Set<String> named = request.led() == null ? null : request.led().groups();
        if (named == null || named.isEmpty()) {
            return new Choice(
                    properties.groups().stream()
                            .filter(group -> group.shows(request.department()))
                            .toList(),
                    null);
        }
        List<Group> groups = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> notShowing = new ArrayList<>();
        for (String name : named) {
            Optional<Group> group = properties.group(name);
            if (group.isEmpty()) {
                unknown.add(name);
            } else if (!group.get().shows(request.department())) {
                notShowing.add(name);
            } else {
                groups.add(group.get());
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!unknown.isEmpty()) {
            reasons.add(
                    "unknown screen group(s) %s (configured: %s)"
                            .formatted(
                                    String.join(", ", unknown),
                                    String.join(
                                            ", ",
                                            properties.groups().stream()
                                                    .map(Group::name)
                                                    .toList())));
        }
        if (!notShowing.isEmpty()) {
            reasons.add(
                    "screen group(s) %s do not show items of %s"
                            .formatted(String.join(", ", notShowing), request.department()));
        }
        return reasons.isEmpty()
                ? new Choice(groups, null)
                : new Choice(List.of(), String.join("; ", reasons));
    }

    /** The item's LED text, or its title when it has none (or only blanks). */
    String textOf(PublicationRequested request) {
        String led = request.ledText();
        return led == null || led.isBlank() ? request.title() : led;
    }

    /**
     * The higher of the item's priority and the group's: a group's {@code priority} is the least
     * its messages get, so a group configured {@code urgent} stays urgent for items that chose the
     * default {@code NORMAL}, and an item's {@code EMERGENCY} preempts its groups.
     */
    Priority priority(PublicationRequested request, Group group) {
        LedOptions led = request.led();
        if (led == null || led.priority() == null) {
            return group.priority();
        }
        Priority chosen = Priority.valueOf(led.priority().name());
        return chosen.compareTo(group.priority()) > 0 ? chosen : group.priority();
    }

    /** The item's {@code startAt}, or else the approval time (the event's {@code occurredAt}). */
    Instant startAt(PublicationRequested request) {
        LedOptions led = request.led();
        return led != null && led.startAt() != null ? led.startAt() : request.occurredAt();
    }

    /** The item's {@code expireAt}, or else {@code startAt} plus the group's lifetime. */
    Instant expireAt(PublicationRequested request, Group group, Instant startAt) {
        LedOptions led = request.led();
        return led != null && led.expireAt() != null
                ? led.expireAt()
                : startAt.plus(group.lifetime());
    }
}
