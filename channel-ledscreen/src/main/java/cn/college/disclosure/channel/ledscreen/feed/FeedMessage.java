package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One item's message in one group's feed.
 *
 * @param id the message's id, new for every version of the item
 * @param pages the fitted pages; a page's lines are separated by {@code \n}
 * @param holdSec how long each page (or one pass of a scroll) stays up
 * @param shownAt when a screen first acknowledged a feed version containing it; {@code null} while
 *     it was never shown
 */
public record FeedMessage(
        long id,
        UUID itemId,
        int itemVersion,
        String group,
        Priority priority,
        DisplayMode mode,
        int holdSec,
        List<String> pages,
        Instant startAt,
        Instant expireAt,
        @Nullable Instant shownAt) {

    /** Emergencies first, then urgent, then normal; older messages first within a priority. */
    static final Comparator<FeedMessage> PLAY_ORDER =
            Comparator.comparing(FeedMessage::priority, Comparator.reverseOrder())
                    .thenComparing(FeedMessage::startAt)
                    .thenComparingLong(FeedMessage::id);

    /** Whether the message's display window contains the instant. */
    boolean liveAt(Instant now) {
        return !now.isBefore(startAt) && now.isBefore(expireAt);
    }

    /**
     * What a group's screens show at the instant: the messages whose window is open, in play order;
     * only the emergencies while any emergency is live (it preempts the rest until it is withdrawn
     * or expires).
     */
    static List<FeedMessage> onAir(List<FeedMessage> messages, Instant now) {
        List<FeedMessage> live = messages.stream().filter(m -> m.liveAt(now)).toList();
        boolean emergency = live.stream().anyMatch(m -> m.priority() == Priority.EMERGENCY);
        return live.stream()
                .filter(m -> !emergency || m.priority() == Priority.EMERGENCY)
                .sorted(PLAY_ORDER)
                .toList();
    }
}
