package cn.college.disclosure.channel.ledscreen.screens;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Screen;
import cn.college.disclosure.channel.ledscreen.feed.FeedMessage;
import cn.college.disclosure.channel.ledscreen.feed.Feeds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /led/screens/{screenId}/ack}: a screen says it shows a feed version; every message of
 * that version becomes DELIVERED (the first acknowledgement counts, repeats change nothing). The
 * screen authenticates with {@code Authorization: Bearer <its key>}: no or a wrong key is 401, a
 * group that is not the screen's is 403. {@code GET /led/screens} lists the configured screens with
 * their last acknowledgement, so an operator sees a dead screen.
 */
@RestController
class ScreenController {

    private final LedScreenProperties properties;
    private final Feeds feeds;
    private final Screens screens;
    private final Clock clock;

    ScreenController(LedScreenProperties properties, Feeds feeds, Screens screens, Clock clock) {
        this.properties = properties;
        this.feeds = feeds;
        this.screens = screens;
        this.clock = clock;
    }

    /** What a screen acknowledges: the group's feed version it shows. */
    record Acknowledgement(String group, long feedVersion) {}

    /** The messages this acknowledgement delivered (none when they were shown before). */
    record Acknowledged(
            String screenId, String group, long feedVersion, List<DeliveredMessage> delivered) {}

    record DeliveredMessage(UUID itemId, int itemVersion) {}

    /**
     * A screen as an operator sees it.
     *
     * @param kind {@code poll} for a screen that polls and acknowledges, {@code huidu} for a
     *     controller the feed is pushed to
     * @param lastAckAt {@code null} if it never acknowledged
     * @param behind whether its last acknowledged version is older than the feed's current one
     * @param silentFor how long since its last acknowledgement, ISO-8601
     * @param lastError why the last push (or acknowledgement) failed, if nothing succeeded since
     * @param failures failures ever recorded for the screen
     */
    record ScreenView(
            String screenId,
            String group,
            String kind,
            @Nullable Instant lastAckAt,
            @Nullable Long lastFeedVersion,
            long currentFeedVersion,
            long acks,
            boolean behind,
            @Nullable Duration silentFor,
            @Nullable String lastError,
            @Nullable Instant lastErrorAt,
            long failures) {}

    @PostMapping("/led/screens/{screenId}/ack")
    Acknowledged acknowledge(
            @PathVariable String screenId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    @Nullable String authorization,
            @RequestBody Acknowledgement ack) {
        Group group = authenticated(screenId, authorization, ack.group());
        List<FeedMessage> delivered = feeds.acknowledged(group.name(), ack.feedVersion(), screenId);
        screens.acknowledged(screenId, group.name(), ack.feedVersion());
        return new Acknowledged(
                screenId,
                group.name(),
                ack.feedVersion(),
                delivered.stream()
                        .map(m -> new DeliveredMessage(m.itemId(), m.itemVersion()))
                        .toList());
    }

    @GetMapping("/led/screens")
    List<ScreenView> screens() {
        Map<String, Screens.LastAck> acks =
                screens.all().stream()
                        .collect(Collectors.toMap(Screens.LastAck::screenId, Function.identity()));
        Instant now = clock.instant();
        List<ScreenView> views = new ArrayList<>();
        for (Group group : properties.groups()) {
            long current = feeds.version(group.name());
            for (Screen screen : group.screens()) {
                views.add(
                        view(
                                screen.id(),
                                group.name(),
                                "poll",
                                acks.get(screen.id()),
                                current,
                                now));
            }
            if (group.push() != null) {
                String id = group.push().deviceId();
                String kind = group.push().type().name().toLowerCase(Locale.ROOT);
                views.add(view(id, group.name(), kind, acks.get(id), current, now));
            }
        }
        return views;
    }

    private static ScreenView view(
            String screenId,
            String group,
            String kind,
            Screens.@Nullable LastAck last,
            long current,
            Instant now) {
        if (last == null) {
            return new ScreenView(
                    screenId,
                    group,
                    kind,
                    null,
                    null,
                    current,
                    0,
                    current > 0,
                    null,
                    null,
                    null,
                    0);
        }
        Long acknowledged = last.feedVersion();
        Instant at = last.at();
        return new ScreenView(
                screenId,
                group,
                kind,
                at,
                acknowledged,
                current,
                last.acks(),
                acknowledged == null ? current > 0 : acknowledged < current,
                at == null ? null : Duration.between(at, now),
                last.lastError(),
                last.lastErrorAt(),
                last.failures());
    }

    private Group authenticated(
            String screenId, @Nullable String authorization, String requestedGroup) {
        String presented =
                authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? authorization.substring(7).trim()
                        : null;
        for (Group group : properties.groups()) {
            for (Screen screen : group.screens()) {
                if (screen.id().equals(screenId)) {
                    if (presented == null || !sameKey(screen.key(), presented)) {
                        throw new ScreenNotAuthenticated(screenId);
                    }
                    if (!group.name().equals(requestedGroup)) {
                        throw new ScreenNotInGroup(screenId, requestedGroup, group.name());
                    }
                    return group;
                }
            }
        }
        throw new ScreenNotAuthenticated(screenId);
    }

    private static boolean sameKey(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(ScreenNotAuthenticated e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("屏幕未通过认证");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"led-screens\"")
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail forbidden(ScreenNotInGroup e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("屏幕不属于该组");
        return problem;
    }
}
