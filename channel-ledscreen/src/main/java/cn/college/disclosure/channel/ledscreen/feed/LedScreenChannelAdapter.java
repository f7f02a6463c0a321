package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Puts an item's LED text into the feed of each screen group it targets, fitted to the group's
 * panel. A screen confirms by acknowledging a feed version that contains the message, so the answer
 * is {@link DeliveryOutcome#pending} ("in feed, not yet shown"), settled through {@link
 * AsynchronousOutcomes} on the first acknowledgement; a group that needs no acknowledgement
 * delivers the item as soon as its feed shows it. The feeds live in the channel schema, so {@link
 * #reconcile} answers from them.
 *
 * <p>The groups, priority and display window are the item's {@link
 * cn.college.disclosure.contract.LedOptions} where it has them and the groups' configuration
 * otherwise ({@link MessageDefaults}). An item naming a group this service does not have fails (the
 * detail lists the unknown names) rather than showing on some screens only; an item whose window
 * has already closed fails "expired before it could be shown".
 *
 * <p>A new version replaces the item's message in every group; a version replaced before any screen
 * showed it is reported RETRACTED, so that it does not stay pending for ever.
 */
class LedScreenChannelAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(LedScreenChannelAdapter.class);

    private final Feeds feeds;
    private final MessageDefaults defaults;
    private final LedScreenProperties properties;
    private final ObjectProvider<AsynchronousOutcomes> outcomes;
    private final Clock clock;

    LedScreenChannelAdapter(
            Feeds feeds,
            MessageDefaults defaults,
            LedScreenProperties properties,
            ObjectProvider<AsynchronousOutcomes> outcomes,
            Clock clock) {
        this.feeds = feeds;
        this.defaults = defaults;
        this.properties = properties;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LED_SCREEN;
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        MessageDefaults.Choice choice = defaults.groupsFor(request);
        if (choice.refusal() != null) {
            log.warn(
                    "Item {} version {} goes to no LED screen: {}",
                    request.itemId(),
                    request.version(),
                    choice.refusal());
            return DeliveryOutcome.failed(choice.refusal());
        }
        List<Group> groups = choice.groups();
        if (groups.isEmpty()) {
            return DeliveryOutcome.failed(
                    "no screen group is configured (channel.ledscreen.groups)");
        }
        String text = TextFitting.normalise(defaults.textOf(request));
        if (text.isEmpty()) {
            // the LED text was nothing but markup
            text = TextFitting.normalise(request.title());
        }
        if (text.isEmpty()) {
            return DeliveryOutcome.failed(
                    "neither the LED text nor the title has anything to show");
        }
        Instant now = clock.instant();
        Instant startAt = defaults.startAt(request);
        List<Feeds.Placement> placements = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        for (Group group : groups) {
            Instant expireAt = defaults.expireAt(request, group, startAt);
            if (!expireAt.isAfter(startAt)) {
                return DeliveryOutcome.failed(
                        "expireAt %s is not after startAt %s".formatted(expireAt, startAt));
            }
            if (!expireAt.isAfter(now)) {
                expired.add(group.name() + " at " + expireAt);
                continue;
            }
            placements.add(
                    new Feeds.Placement(
                            group,
                            defaults.priority(request, group),
                            TextFitting.fit(text, group),
                            Math.toIntExact(group.hold().toSeconds()),
                            startAt,
                            expireAt));
        }
        if (placements.isEmpty()) {
            return DeliveryOutcome.failed(
                    "expired before it could be shown: " + String.join(", ", expired));
        }
        groups = placements.stream().map(Feeds.Placement::group).toList();
        Feeds.Placed placed = feeds.place(request.itemId(), request.version(), placements);
        log.info(
                "Item {} version {} is in the feeds {} ({} cells of text)",
                request.itemId(),
                request.version(),
                placed.versions(),
                TextFitting.width(text) / 2.0);
        if (placed.replacedUnshown() != null) {
            outcomes.getObject()
                    .arrived(
                            request.itemId(),
                            placed.replacedUnshown(),
                            new DeliveryOutcome.Retracted(
                                    "replaced by version %d before any screen showed it"
                                            .formatted(request.version())));
        }
        String ref = String.join(",", groups.stream().map(Group::name).toList());
        if (!placed.shownIn().isEmpty()) {
            String group = placed.shownIn().get(0);
            return DeliveryOutcome.delivered(
                    properties.tickerUrl(group),
                    ref,
                    "in the feed of group(s) %s, which need no acknowledgement"
                            .formatted(String.join(", ", placed.shownIn())));
        }
        return DeliveryOutcome.pending(
                ref, "in feed, not yet shown: " + String.join(", ", placed.versions()));
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        List<String> removed = feeds.remove(retraction.itemId());
        if (removed.isEmpty()) {
            return new DeliveryOutcome.Retracted("not in any feed");
        }
        log.info("Item {} removed from the feeds {}", retraction.itemId(), removed);
        return new DeliveryOutcome.Retracted(
                "removed from the feeds "
                        + String.join(", ", removed)
                        + ": "
                        + retraction.reason());
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        UUID itemId = attempt.itemId();
        List<FeedMessage> messages = feeds.messagesOf(itemId);
        List<FeedMessage> ofVersion =
                messages.stream().filter(m -> m.itemVersion() == attempt.version()).toList();
        if (ofVersion.isEmpty()) {
            if (messages.stream().anyMatch(m -> m.itemVersion() > attempt.version())) {
                // a later version replaced it before a screen showed it
                outcomes.getObject()
                        .arrived(
                                itemId,
                                attempt.version(),
                                new DeliveryOutcome.Retracted(
                                        "replaced by a later version before any screen showed it"));
                return DeliveryOutcome.pending(
                        attempt.externalRef(), "replaced by a later version");
            }
            return DeliveryOutcome.absent();
        }
        for (FeedMessage m : ofVersion) {
            if (m.shownAt() != null) {
                return DeliveryOutcome.delivered(
                        properties.tickerUrl(m.group()),
                        m.group(),
                        "shown in group %s at %s".formatted(m.group(), m.shownAt()));
            }
        }
        Instant now = clock.instant();
        if (ofVersion.stream().allMatch(m -> !now.isBefore(m.expireAt()))) {
            return DeliveryOutcome.failed(
                    "expired at %s before any screen acknowledged it"
                            .formatted(ofVersion.get(0).expireAt()));
        }
        return DeliveryOutcome.pending(
                attempt.externalRef(),
                "in feed, not yet shown: "
                        + String.join(", ", ofVersion.stream().map(FeedMessage::group).toList()));
    }
}
