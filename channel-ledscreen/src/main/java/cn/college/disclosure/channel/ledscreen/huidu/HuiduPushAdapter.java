package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Push;
import cn.college.disclosure.channel.ledscreen.feed.Feeds;
import cn.college.disclosure.channel.ledscreen.feed.GroupFeed;
import cn.college.disclosure.channel.ledscreen.screens.Screens;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one group's Huidu controller showing the group's current feed. Each {@link #pushIfChanged}
 * compares the feed version with the one the controller last took and, if they differ, pushes the
 * feed as the controller's whole program; the controller taking it is its acknowledgement of that
 * version ({@link Feeds#acknowledged}), which delivers every message of the version exactly once.
 *
 * <p>Failures are never lost and never retried in a tight loop:
 *
 * <ul>
 *   <li>5xx, I/O errors and timeouts ({@link HuiduControllerUnavailable}) are recorded by the
 *       controller's circuit breaker ({@code huidu-<group>}, the runtime's {@code ProviderGuards}),
 *       and the push is tried again at the next check with the feed as it is then, so a controller
 *       that comes back shows the current feed, not a missed one. Once the breaker opens, nothing
 *       is pushed until its probe time (the runtime's pause, {@code ChannelParked}); the messages
 *       meanwhile stay PENDING, never FAILED, and fail only at their own expiry;
 *   <li>a 4xx is the controller refusing this program: logged as an error, not retried for the same
 *       feed version (the same body would be refused again), pushed again when the version moves
 *       on. A message no push delivered stays PENDING and fails at its expiry;
 *   <li>both are the screen's last error in {@code GET /led/screens} until a push succeeds.
 * </ul>
 *
 * <p>One adapter per group, each run by its own job on the channel's scheduler ({@code
 * huidu-push-<group>}, one instance at a time), so a controller that is down (or slow to time out)
 * holds up no other group.
 */
class HuiduPushAdapter {

    private static final Logger log = LoggerFactory.getLogger(HuiduPushAdapter.class);
    private static final long NOTHING = -1;

    private final Group group;
    private final Push push;
    private final Feeds feeds;
    private final Screens screens;
    private final HuiduApiClient client;
    private final ProviderGuard guard;
    private final Clock clock;

    private long pushedVersion = NOTHING;
    private long refusedVersion = NOTHING;
    private Instant notBefore = Instant.EPOCH;

    HuiduPushAdapter(
            Group group,
            Feeds feeds,
            Screens screens,
            HuiduApiClient client,
            ProviderGuard guard,
            Clock clock) {
        this.group = group;
        this.push = Objects.requireNonNull(group.push(), "group without push: " + group.name());
        this.feeds = feeds;
        this.screens = screens;
        this.client = client;
        this.guard = guard;
        this.clock = clock;
    }

    String group() {
        return group.name();
    }

    Duration checkInterval() {
        return push.checkInterval();
    }

    /** Pushes the group's feed if the controller does not show its current version yet. */
    void pushIfChanged() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return;
        }
        GroupFeed feed = feeds.current(group.name());
        long version = feed.version();
        if (version == pushedVersion || version == refusedVersion) {
            return;
        }
        HuiduProgram.ProgramPush program = HuiduProgram.of(feed, group);
        HuiduApiClient.Answer answer;
        try {
            answer =
                    guard.call("push of feed version " + version, () -> client.push(push, program));
        } catch (ChannelParked e) {
            // the breaker is open (or the rate spent): nothing is pushed before its probe time
            notBefore = e.until();
            notPushed(version, e.getMessage());
            return;
        } catch (TransientDeliveryFailure e) {
            notPushed(version, e.getMessage() + "; pushed again at the next check");
            return;
        }
        if (!answer.accepted()) {
            refusedVersion = version;
            String error =
                    "HTTP %d to %s of feed version %d: %s"
                            .formatted(answer.status(), program.method(), version, answer.body());
            log.error(
                    "Huidu controller {} of group {} refused the program: {}; not retried until"
                            + " the feed moves on",
                    push.deviceId(),
                    group.name(),
                    error);
            screens.failed(push.deviceId(), group.name(), error);
            return;
        }
        pushedVersion = version;
        notBefore = Instant.EPOCH;
        log.info(
                "Huidu controller {} of group {} took feed version {} ({} {} message(s))",
                push.deviceId(),
                group.name(),
                version,
                program.method(),
                feed.messages().size());
        feeds.acknowledged(group.name(), version, push.deviceId());
        screens.acknowledged(push.deviceId(), group.name(), version);
    }

    private void notPushed(long version, String reason) {
        log.warn(
                "Could not push feed version {} of group {} to Huidu controller {}: {}",
                version,
                group.name(),
                push.deviceId(),
                reason);
        screens.failed(
                push.deviceId(),
                group.name(),
                "feed version %d not pushed: %s".formatted(version, reason));
    }
}
