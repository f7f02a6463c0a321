package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The groups' feeds, held in the channel schema so that they survive restarts: the messages, the
 * version counter per group and what each version showed.
 *
 * <p>A feed's version moves whenever what it shows changes — a message entered, was replaced or
 * removed, or its window opened or closed, or an emergency began or ended — so an acknowledgement
 * of version N means exactly the messages recorded for N were on the screen. Every change to a
 * group's feed happens under a lock on the group's {@code led_feed} row (taken in name order).
 *
 * <p>Messages that become visible in a group that needs no acknowledgement, and messages in a
 * version a screen acknowledged, are recorded as shown and handed to the runtime as delivered; the
 * adapter itself answers for the item it is publishing.
 */
public class Feeds {

    private static final Logger log = LoggerFactory.getLogger(Feeds.class);
    private static final String PAGE_SEPARATOR = "\u001e";
    private static final String COLUMNS =
            "id, item_id, item_version, group_name, priority, mode, hold_sec, pages, start_at,"
                    + " expire_at, shown_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LedScreenProperties properties;
    private final ObjectProvider<AsynchronousOutcomes> outcomes;

    Feeds(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            LedScreenProperties properties,
            ObjectProvider<AsynchronousOutcomes> outcomes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.outcomes = outcomes;
    }

    /** A message to place in a group's feed. */
    record Placement(
            Group group,
            Priority priority,
            TextFitting.Fitted fitted,
            int holdSec,
            Instant startAt,
            Instant expireAt) {}

    /**
     * What placing an item's messages did.
     *
     * @param shownIn the groups needing no acknowledgement whose feed shows the item now
     * @param versions the feed version per affected group after the change
     * @param replacedUnshown the earlier version of the item that this one replaced before any
     *     screen showed it, if any
     */
    record Placed(List<String> shownIn, List<String> versions, @Nullable Integer replacedUnshown) {}

    /**
     * Replaces whatever the feeds hold for the item with the version's messages, one per group, and
     * moves the affected feeds on, in one transaction.
     */
    Placed place(UUID itemId, int version, List<Placement> placements) {
        List<FeedMessage> otherShown = new ArrayList<>();
        Placed placed =
                transactions.execute(
                        status -> {
                            Instant now = clock.instant();
                            List<FeedMessage> before = messagesOf(itemId);
                            Set<String> groups = new TreeSet<>();
                            before.forEach(m -> groups.add(m.group()));
                            placements.forEach(p -> groups.add(p.group().name()));
                            groups.forEach(this::lock);
                            jdbc.sql("delete from led_message where item_id = ?")
                                    .param(itemId)
                                    .update();
                            for (Placement p : placements) {
                                insert(itemId, version, p, now);
                            }
                            List<String> shownIn = new ArrayList<>();
                            List<String> versions = new ArrayList<>();
                            for (String group : groups) {
                                Refreshed refreshed = refresh(group, now);
                                versions.add(group + "@" + refreshed.feed().version());
                                for (FeedMessage shown : refreshed.shownWithoutAck()) {
                                    if (shown.itemId().equals(itemId)) {
                                        shownIn.add(group);
                                    } else {
                                        otherShown.add(shown);
                                    }
                                }
                            }
                            Integer replaced =
                                    before.stream()
                                                    .anyMatch(
                                                            m ->
                                                                    m.itemVersion() == version
                                                                            || m.shownAt() != null)
                                            ? null
                                            : before.stream()
                                                    .map(FeedMessage::itemVersion)
                                                    .findFirst()
                                                    .orElse(null);
                            return new Placed(shownIn, versions, replaced);
                        });
        otherShown.forEach(this::deliveredWithoutAck);
        return placed;
    }

    /**
     * Removes the item from every feed at once, moving each affected feed on.
     *
     * @return the groups whose feed showed the item (or held it for later)
     */
    List<String> remove(UUID itemId) {
        List<FeedMessage> otherShown = new ArrayList<>();
        List<String> removed =
                transactions.execute(
                        status -> {
                            Instant now = clock.instant();
                            Set<String> groups = new TreeSet<>();
                            messagesOf(itemId).forEach(m -> groups.add(m.group()));
                            groups.forEach(this::lock);
                            jdbc.sql("delete from led_message where item_id = ?")
                                    .param(itemId)
                                    .update();
                            List<String> versions = new ArrayList<>();
                            for (String group : groups) {
                                Refreshed refreshed = refresh(group, now);
                                versions.add(group + "@" + refreshed.feed().version());
                                otherShown.addAll(refreshed.shownWithoutAck());
                            }
                            return versions;
                        });
        otherShown.forEach(this::deliveredWithoutAck);
        return removed;
    }

    /** The group's feed now, moved on first if time changed what it shows. */
    public GroupFeed current(String group) {
        List<FeedMessage> otherShown = new ArrayList<>();
        GroupFeed feed =
                transactions.execute(
                        status -> {
                            lock(group);
                            Refreshed refreshed = refresh(group, clock.instant());
                            otherShown.addAll(refreshed.shownWithoutAck());
                            return refreshed.feed();
                        });
        otherShown.forEach(this::deliveredWithoutAck);
        return feed;
    }

    /** Recomputes every configured group's feed (expiry, start times, the end of an emergency). */
    void refreshAll() {
        for (Group group : properties.groups()) {
            current(group.name());
        }
    }

    /** The item's messages in every group, whatever their version and window. */
    List<FeedMessage> messagesOf(UUID itemId) {
        return jdbc.sql("select " + COLUMNS + " from led_message where item_id = ? order by id")
                .param(itemId)
                .query(Feeds::message)
                .list();
    }

    /**
     * A screen of the group acknowledged the feed version: every message of that version that is
     * still in the feed and was never shown is recorded as shown and reported delivered.
     *
     * @return the messages this acknowledgement delivered
     * @throws FeedVersionNeverServed if the group's feed never had that version
     */
    public List<FeedMessage> acknowledged(String group, long feedVersion, String screenId) {
        List<FeedMessage> shown =
                transactions.execute(
                        status -> {
                            long current =
                                    jdbc.sql("select version from led_feed where group_name = ?")
                                            .param(group)
                                            .query(Long.class)
                                            .optional()
                                            .orElse(0L);
                            if (feedVersion < 0 || feedVersion > current) {
                                throw new FeedVersionNeverServed(group, feedVersion, current);
                            }
                            return jdbc.sql(
                                            "update led_message m set shown_at = :now, shown_by ="
                                                    + " :by from led_feed_entry e where e.group_name"
                                                    + " = :group and e.feed_version = :version and"
                                                    + " m.id = e.message_id and m.shown_at is null"
                                                    + " returning m.id, m.item_id, m.item_version,"
                                                    + " m.group_name, m.priority, m.mode, m.hold_sec,"
                                                    + " m.pages, m.start_at, m.expire_at,"
                                                    + " m.shown_at")
                                    .param("now", timestamp(clock.instant()))
                                    .param("by", "screen " + screenId)
                                    .param("group", group)
                                    .param("version", feedVersion)
                                    .query(Feeds::message)
                                    .list();
                        });
        for (FeedMessage message : shown) {
            log.info(
                    "Screen {} of group {} acknowledged feed version {}: item {} version {} shown",
                    screenId,
                    group,
                    feedVersion,
                    message.itemId(),
                    message.itemVersion());
            outcomes.getObject()
                    .arrived(
                            message.itemId(),
                            message.itemVersion(),
                            DeliveryOutcome.delivered(
                                    properties.tickerUrl(group),
                                    group,
                                    "shown on screen %s of group %s (feed version %d)"
                                            .formatted(screenId, group, feedVersion)));
        }
        return shown;
    }

    /** The group's current feed version, without moving it on. */
    public long version(String group) {
        return jdbc.sql("select version from led_feed where group_name = ?")
                .param(group)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private void deliveredWithoutAck(FeedMessage message) {
        outcomes.getObject()
                .arrived(
                        message.itemId(),
                        message.itemVersion(),
                        DeliveryOutcome.delivered(
                                properties.tickerUrl(message.group()),
                                message.group(),
                                "in the feed of group %s, which needs no acknowledgement"
                                        .formatted(message.group())));
    }

    private void lock(String group) {
        jdbc.sql(
                        "insert into led_feed (group_name, version, generated_at) values (?, 0, ?)"
                                + " on conflict (group_name) do nothing")
                .params(group, timestamp(clock.instant()))
                .update();
        jdbc.sql("select version from led_feed where group_name = ? for update")
                .param(group)
                .query(Long.class)
                .single();
    }

    /**
     * What a group's screens show now, and the messages that this refresh showed for the first time
     * in a group that needs no acknowledgement.
     */
    private record Refreshed(GroupFeed feed, List<FeedMessage> shownWithoutAck) {}

    /** Moves the (locked) group's feed on if what it shows changed. */
    private Refreshed refresh(String group, Instant now) {
        long version =
                jdbc.sql("select version from led_feed where group_name = ?")
                        .param(group)
                        .query(Long.class)
                        .single();
        List<FeedMessage> onAir =
                FeedMessage.onAir(
                        jdbc.sql(
                                        "select "
                                                + COLUMNS
                                                + " from led_message where group_name = ? and"
                                                + " expire_at > ?")
                                .params(group, timestamp(now))
                                .query(Feeds::message)
                                .list(),
                        now);
        Set<Long> before =
                new HashSet<>(
                        jdbc.sql(
                                        "select message_id from led_feed_entry where group_name = ?"
                                                + " and feed_version = ?")
                                .params(group, version)
                                .query(Long.class)
                                .list());
        Set<Long> after = new HashSet<>();
        onAir.forEach(m -> after.add(m.id()));
        if (!after.equals(before)) {
            version++;
            jdbc.sql("update led_feed set version = ?, generated_at = ? where group_name = ?")
                    .params(version, timestamp(now), group)
                    .update();
            for (FeedMessage m : onAir) {
                jdbc.sql(
                                "insert into led_feed_entry (group_name, feed_version, message_id,"
                                        + " item_id, item_version) values (?, ?, ?, ?, ?)")
                        .params(group, version, m.id(), m.itemId(), m.itemVersion())
                        .update();
            }
            log.info(
                    "Feed of group {} moved to version {}: {} message(s) on air",
                    group,
                    version,
                    onAir.size());
        }
        List<FeedMessage> shown = new ArrayList<>();
        boolean needsAck = properties.group(group).map(Group::needsAcknowledgement).orElse(true);
        if (!needsAck) {
            for (FeedMessage m : onAir) {
                if (m.shownAt() == null) {
                    jdbc.sql("update led_message set shown_at = ?, shown_by = ? where id = ?")
                            .params(
                                    timestamp(now),
                                    "group " + group + " (no acknowledgement)",
                                    m.id())
                            .update();
                    shown.add(m);
                }
            }
        }
        return new Refreshed(new GroupFeed(group, version, now, onAir), shown);
    }

    private void insert(UUID itemId, int version, Placement p, Instant now) {
        jdbc.sql(
                        "insert into led_message (item_id, item_version, group_name, priority, mode,"
                                + " hold_sec, pages, start_at, expire_at, entered_at) values (?, ?,"
                                + " ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        itemId,
                        version,
                        p.group().name(),
                        p.priority().name(),
                        p.fitted().mode().name(),
                        p.holdSec(),
                        String.join(PAGE_SEPARATOR, p.fitted().pages()),
                        timestamp(p.startAt()),
                        timestamp(p.expireAt()),
                        timestamp(now))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static FeedMessage message(ResultSet row, int number) throws SQLException {
        var shown = row.getTimestamp("shown_at");
        return new FeedMessage(
                row.getLong("id"),
                row.getObject("item_id", UUID.class),
                row.getInt("item_version"),
                row.getString("group_name"),
                Priority.valueOf(row.getString("priority")),
                DisplayMode.valueOf(row.getString("mode")),
                row.getInt("hold_sec"),
                List.copyOf(Arrays.asList(row.getString("pages").split(PAGE_SEPARATOR, -1))),
                row.getTimestamp("start_at").toInstant(),
                row.getTimestamp("expire_at").toInstant(),
                shown == null ? null : shown.toInstant());
    }
}
