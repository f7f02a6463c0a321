package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.feed.FeedMessage;
import cn.college.disclosure.channel.ledscreen.feed.GroupFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's feed as the body of Huidu's {@code POST /api/program/{id}}: the whole feed replaces the
 * controller's program ({@code method: replace}), and an empty feed removes it ({@code method:
 * remove}), so a retracted or expired message leaves the panel with the push that follows.
 *
 * <p>One program per group, named {@code xxgk-<group>}, covering the whole panel; one text item per
 * page, in the feed's play order. A paged or static page is shown at once and held for {@code
 * holdMs}; a scrolling message is one line scrolling continuously to the left, one pass per {@code
 * holdMs}. Each item carries its play window, so the controller drops it at its expiry even if no
 * further push reaches it.
 */
final class HuiduProgram {

    static final String REPLACE = "replace";
    static final String REMOVE = "remove";

    /** Huidu's speed scale for continuous scrolling: the middle of the range. */
    static final int SCROLL_SPEED = 4;

    private HuiduProgram() {}

    /** The request body. */
    record ProgramPush(String method, List<?> programs) {}

    /** What {@code remove} names. */
    record ProgramRef(String name) {}

    /**
     * The group's program.
     *
     * @param feedVersion the feed version it shows; the controller keeps it for inspection
     */
    record Program(String name, long feedVersion, Area area, List<TextItem> items) {}

    /** Where on the panel the program plays, in pixels. */
    record Area(int x, int y, int width, int height) {}

    /**
     * One page (or one scrolling line).
     *
     * @param id the feed message's id and the page's index
     * @param text the page's lines, separated by {@code \n}
     * @param effect {@code static} (shown at once) or {@code continuous-left-scroll}
     * @param holdMs how long the page stays up, or how long one pass of the scroll takes
     * @param playWindow when the item may play at all
     */
    record TextItem(
            String id,
            String text,
            int fontSize,
            String effect,
            int speed,
            int holdMs,
            String priority,
            PlayWindow playWindow) {}

    /** The display window of the feed message. */
    record PlayWindow(Instant start, Instant end) {}

    static String programName(String group) {
        return "xxgk-" + group;
    }

    static ProgramPush of(GroupFeed feed, Group group) {
        if (feed.messages().isEmpty()) {
            return new ProgramPush(REMOVE, List.of(new ProgramRef(programName(feed.group()))));
        }
        List<TextItem> items = new ArrayList<>();
        for (FeedMessage message : feed.messages()) {
            boolean scroll = message.mode() == DisplayMode.SCROLL;
            for (int page = 0; page < message.pages().size(); page++) {
                items.add(
                        new TextItem(
                                message.id() + "-" + page,
                                message.pages().get(page),
                                group.fontSize(),
                                scroll ? "continuous-left-scroll" : "static",
                                scroll ? SCROLL_SPEED : 0,
                                Math.multiplyExact(message.holdSec(), 1000),
                                message.priority().name().toLowerCase(Locale.ROOT),
                                new PlayWindow(message.startAt(), message.expireAt())));
            }
        }
        return new ProgramPush(
                REPLACE,
                List.of(
                        new Program(
                                programName(feed.group()),
                                feed.version(),
                                new Area(0, 0, group.width(), group.height()),
                                items)));
    }
}
