package cn.college.disclosure.channel.ledscreen;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The screen groups and how their feeds are served. Every item targeted at LED_SCREEN goes to every
 * group (the contract names no groups yet).
 *
 * @param publicBaseUrl where screens and people reach this service; the delivery's external URL is
 *     this plus {@code led/feeds/<group>.html}
 * @param feed how feeds are cached and kept current
 * @param groups the screen groups; a group's name is its feed's name
 */
@ConfigurationProperties("channel.ledscreen")
public record LedScreenProperties(
        @DefaultValue("http://localhost:8083/") URI publicBaseUrl,
        @DefaultValue Feed feed,
        @DefaultValue List<Group> groups) {

    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public LedScreenProperties {
        Set<String> names = new HashSet<>();
        Set<String> screens = new HashSet<>();
        for (Group group : groups) {
            if (!GROUP_NAME.matcher(group.name()).matches()) {
                throw new IllegalArgumentException(
                        "channel.ledscreen.groups: name '%s' must be lowercase letters, digits and dashes"
                                .formatted(group.name()));
            }
            if (!names.add(group.name())) {
                throw new IllegalArgumentException(
                        "channel.ledscreen.groups: group '%s' is configured twice"
                                .formatted(group.name()));
            }
            for (Screen screen : group.screens()) {
                if (!screens.add(screen.id())) {
                    throw new IllegalArgumentException(
                            "channel.ledscreen.groups: screen '%s' belongs to two groups"
                                    .formatted(screen.id()));
                }
            }
            if (group.push() != null && !screens.add(group.push().deviceId())) {
                throw new IllegalArgumentException(
                        "channel.ledscreen.groups: controller '%s' is also a screen or another group's controller"
                                .formatted(group.push().deviceId()));
            }
        }
        groups = List.copyOf(groups);
    }

    /** The group of that name, if configured. */
    public Optional<Group> group(String name) {
        return groups.stream().filter(group -> group.name().equals(name)).findFirst();
    }

    /** The screen of that id and its group, if configured. */
    public Optional<Screen> screen(String screenId) {
        return groups.stream()
                .flatMap(group -> group.screens().stream())
                .filter(screen -> screen.id().equals(screenId))
                .findFirst();
    }

    /** Where people see the group's ticker. */
    public URI tickerUrl(String group) {
        return publicBaseUrl.resolve("led/feeds/" + group + ".html");
    }

    /**
     * Feed serving.
     *
     * @param ttl how long a screen may show a feed it could not refresh; after that it blanks
     *     ({@code ttlSec} in the feed)
     * @param maxAge the {@code Cache-Control: max-age} of a feed, i.e. how often screens poll
     * @param refreshInterval how often every group's feed is recomputed, so that expiry and start
     *     times take effect (and no-acknowledgement groups deliver) even when nobody polls
     */
    public record Feed(
            @DefaultValue("60s") Duration ttl,
            @DefaultValue("10s") Duration maxAge,
            @DefaultValue("5s") Duration refreshInterval) {}

    /**
     * A set of screens of the same size that show the same feed.
     *
     * @param name the group's name, in the feed URL ({@code /led/feeds/<name>.json})
     * @param width the panel's width in pixels
     * @param height the panel's height in pixels
     * @param fontSize the font's size in pixels; a full-width character is one square cell
     * @param lines how many lines a page has; {@code height / fontSize} when 0
     * @param mode how text that does not fit one page is shown: {@code page} or {@code scroll};
     *     {@code static} shows text that fits as it is and pages the rest
     * @param hold how long one page (or one pass of a scroll) stays up
     * @param lifetime how long a message stays in the feed when the item names no expiry
     * @param priority the priority of the group's messages when the item names none
     * @param needsAcknowledgement whether delivery waits for a screen to acknowledge a feed version
     *     that contains the message; otherwise a message is delivered when it enters the feed
     * @param screens the group's screens and the keys they acknowledge with
     * @param departments the departments whose items the group shows (e.g. a library lobby shows
     *     only 图书馆's); every department's when empty
     * @param push the controller the group's program is pushed to, for controllers that do not
     *     poll; none when unset
     */
    public record Group(
            String name,
            int width,
            int height,
            int fontSize,
            @DefaultValue("0") int lines,
            @DefaultValue("page") DisplayMode mode,
            @DefaultValue("8s") Duration hold,
            @DefaultValue("3d") Duration lifetime,
            @DefaultValue("normal") Priority priority,
            @DefaultValue("true") boolean needsAcknowledgement,
            @DefaultValue List<Screen> screens,
            @DefaultValue List<String> departments,
            @Nullable Push push) {

        public Group {
            if (fontSize <= 0 || width < fontSize || height < fontSize) {
                throw new IllegalArgumentException(
                        "channel.ledscreen.groups[%s]: a %dx%d panel cannot hold a %d px font"
                                .formatted(name, width, height, fontSize));
            }
            if (lines < 0 || lines * fontSize > height) {
                throw new IllegalArgumentException(
                        "channel.ledscreen.groups[%s]: %d lines of %d px do not fit %d px"
                                .formatted(name, lines, fontSize, height));
            }
            screens = List.copyOf(screens);
            departments = List.copyOf(departments);
        }

        /** Whether the group shows items of the department. */
        public boolean shows(String department) {
            return departments.isEmpty() || departments.contains(department);
        }

        /** Full-width cells per line: a full-width character takes one, an ASCII character half. */
        public int cellsPerLine() {
            return width / fontSize;
        }

        /** Lines per page. */
        public int linesPerPage() {
            return lines > 0 ? lines : height / fontSize;
        }
    }

    /**
     * A controller that takes pushed programs: whenever the group's feed version moves, the feed is
     * pushed to it as its whole program (an empty feed removes the program); a successful push
     * counts as the controller's acknowledgement of that version.
     *
     * @param type the controller's protocol; only {@code huidu} (HTTP JSON, port 30080) for now
     * @param url the controller's base URL, e.g. {@code http://10.20.0.31:30080/}
     * @param deviceId the controller's id: {@code POST <url>/api/program/<deviceId>}; it is also
     *     the screen's id in {@code GET /led/screens} and in delivery details
     * @param sdkKey the SDK key sent in the {@code sdkKey} header
     * @param secret the key of the HMAC-MD5 request signature
     * @param checkInterval how often the group's feed version is compared with the pushed one
     * @param timeout connect and response timeout of one push
     */
    public record Push(
            @DefaultValue("huidu") PushType type,
            URI url,
            String deviceId,
            String sdkKey,
            String secret,
            @DefaultValue("2s") Duration checkInterval,
            @DefaultValue("5s") Duration timeout) {}

    /** The push protocols. */
    public enum PushType {
        /** Huidu's HTTP JSON API: {@code POST /api/program/{id}}, headers signed with HMAC-MD5. */
        HUIDU
    }

    /**
     * A screen that polls its group's feed and acknowledges what it shows.
     *
     * @param id the screen's id, in the acknowledgement URL
     * @param key the secret the screen sends as {@code Authorization: Bearer <key>}
     */
    public record Screen(String id, String key) {}

    /** How a message's pages are shown. */
    public enum DisplayMode {
        /** One page that fits, shown as it is. */
        STATIC,
        /** Pages that fit the panel, each held for the hold time. */
        PAGE,
        /** The whole text on one line, scrolling from right to left. */
        SCROLL
    }

    /** A message's priority within its group. */
    public enum Priority {
        NORMAL,
        URGENT,
        /** Preempts every other message of its group until it is withdrawn or expires. */
        EMERGENCY
    }
}
