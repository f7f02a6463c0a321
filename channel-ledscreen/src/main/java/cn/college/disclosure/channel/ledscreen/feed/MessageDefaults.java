package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.contract.PublicationRequested;
import java.time.Instant;
import java.util.List;

/**
 * What the contract does not say yet about an item's LED message, decided from the group's
 * configuration: every group that shows the item's department, the group's priority, start at
 * approval, expire after the group's lifetime. When {@code PublicationRequested} gains {@code
 * ledGroups}, {@code ledPriority}, {@code ledStartAt} and {@code ledExpireAt}, this is the one
 * place that reads them (the README lists the proposal).
 */
class MessageDefaults {

    private final LedScreenProperties properties;

    MessageDefaults(LedScreenProperties properties) {
        this.properties = properties;
    }

    /** The groups the item goes to: every configured group that shows the item's department. */
    List<Group> groupsFor(PublicationRequested request) {
        return properties.groups().stream()
                .filter(group -> group.shows(request.department()))
                .toList();
    }

    /** The item's LED text, or its title when it has none (or only blanks). */
    String textOf(PublicationRequested request) {
        String led = request.ledText();
        return led == null || led.isBlank() ? request.title() : led;
    }

    Priority priority(PublicationRequested request, Group group) {
        return group.priority();
    }

    /** The approval time: the event's {@code occurredAt}. */
    Instant startAt(PublicationRequested request) {
        return request.occurredAt();
    }

    Instant expireAt(PublicationRequested request, Group group, Instant startAt) {
        return startAt.plus(group.lifetime());
    }
}
