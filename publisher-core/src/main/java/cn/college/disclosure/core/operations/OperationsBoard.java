package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The board from the channels' status reports, the delivery ledger (read-only, like the
 * statistics), the consumer lag and the dead letters. A channel is connected once any instance of
 * its service reported; it is up while an instance reported {@code up} within {@code
 * publisher.operations.status-stale-after} (by the core's clock); paused and circuit-breaker state
 * come from its latest report.
 */
@Service
class OperationsBoard implements ChannelBoard {

    private final JdbcClient jdbc;
    private final ChannelStatuses statuses;
    private final DeadLetters deadLetters;
    private final ConsumerLag lag;
    private final OperationsProperties properties;
    private final Clock clock;

    OperationsBoard(
            JdbcClient jdbc,
            ChannelStatuses statuses,
            DeadLetters deadLetters,
            ConsumerLag lag,
            OperationsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<ChannelCard> cards() {
        // before the lag reading, which may take up to the admin timeout
        Instant staleBefore = clock.instant().minus(properties.statusStaleAfter());
        Map<Channel, Map<DeliveryStatus, Long>> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Map<DeliveryStatus, Long> zero = new EnumMap<>(DeliveryStatus.class);
            Arrays.stream(DeliveryStatus.values()).forEach(status -> zero.put(status, 0L));
            counts.put(channel, zero);
        }
        jdbc.sql("select channel, status, count(*) as n from delivery group by channel, status")
                .query(
                        rs -> {
                            counts.get(Channel.valueOf(rs.getString("channel")))
                                    .put(
                                            DeliveryStatus.valueOf(rs.getString("status")),
                                            rs.getLong("n"));
                        });
        Map<Channel, Long> withWarnings = new EnumMap<>(Channel.class);
        jdbc.sql(
                        "select channel, count(*) as n from delivery where status = 'DELIVERED'"
                                + " and jsonb_array_length(warnings) > 0 group by channel")
                .query(
                        rs -> {
                            withWarnings.put(
                                    Channel.valueOf(rs.getString("channel")), rs.getLong("n"));
                        });
        Map<Channel, Instant> lastDelivered = new EnumMap<>(Channel.class);
        jdbc.sql(
                        "select channel, max(updated_at) as last from delivery where status ="
                                + " 'DELIVERED' group by channel")
                .query(
                        rs -> {
                            Instant last = ChannelStatuses.instant(rs, "last");
                            if (last != null) {
                                lastDelivered.put(Channel.valueOf(rs.getString("channel")), last);
                            }
                        });
        List<ChannelStatuses.Status> reports = statuses.all();
        Map<Channel, Long> lags = lag.byChannel();
        return Arrays.stream(Channel.values())
                .map(
                        channel -> {
                            List<ChannelStatuses.Status> ofChannel =
                                    reports.stream().filter(r -> r.channel() == channel).toList();
                            ChannelStatuses.Status latest =
                                    ofChannel.isEmpty() ? null : ofChannel.get(0);
                            boolean up =
                                    ofChannel.stream()
                                            .anyMatch(
                                                    r ->
                                                            r.up()
                                                                    && r.receivedAt()
                                                                            .isAfter(staleBefore));
                            boolean paused = latest != null && latest.paused();
                            return new ChannelCard(
                                    channel,
                                    latest != null,
                                    up,
                                    latest == null ? null : latest.occurredAt(),
                                    counts.get(channel),
                                    withWarnings.getOrDefault(channel, 0L),
                                    latest(
                                            lastDelivered.get(channel),
                                            latest == null ? null : latest.lastSuccessAt()),
                                    lags.get(channel),
                                    latest == null ? null : latest.circuitBreaker(),
                                    paused ? latest.pausedReason() : null,
                                    paused ? latest.resumesAt() : null);
                        })
                .toList();
    }

    @Override
    public List<FailedDelivery> failures(int limit) {
        List<FailedDelivery> failures =
                new ArrayList<>(
                        jdbc.sql(
                                        """
                                        select d.item_id, d.version, d.channel, d.status,
                                            coalesce(d.last_error, d.detail) as reason,
                                            d.updated_at, d.external_url, v.title
                                        from delivery d
                                        left join item_version v
                                            on v.item_id = d.item_id and v.version = d.version
                                        where d.status in ('FAILED', 'UNCONFIRMED')
                                        order by d.updated_at desc limit ?
                                        """)
                                .param(limit)
                                .query(
                                        (rs, row) -> {
                                            String url = rs.getString("external_url");
                                            Instant at = ChannelStatuses.instant(rs, "updated_at");
                                            return new FailedDelivery(
                                                    rs.getObject("item_id", UUID.class),
                                                    rs.getString("title"),
                                                    rs.getInt("version"),
                                                    Channel.valueOf(rs.getString("channel")),
                                                    DeliveryStatus.valueOf(rs.getString("status")),
                                                    rs.getString("reason"),
                                                    at == null ? Instant.EPOCH : at,
                                                    "LEDGER",
                                                    null,
                                                    url == null ? null : URI.create(url));
                                        })
                                .list());
        for (DeadLetters.DeadLetter letter : deadLetters.open(limit)) {
            if (letter.itemId() == null || letter.channel() == null) {
                continue;
            }
            // a delivery both FAILED in the ledger and dead-lettered is one failure, not two
            int same = indexOf(failures, letter);
            if (same >= 0) {
                FailedDelivery known = failures.get(same);
                failures.set(
                        same,
                        new FailedDelivery(
                                known.itemId(),
                                known.title(),
                                known.version(),
                                known.channel(),
                                known.status(),
                                known.reason(),
                                known.at(),
                                known.source(),
                                letter.id(),
                                known.externalUrl()));
                continue;
            }
            failures.add(
                    new FailedDelivery(
                            letter.itemId(),
                            letter.title(),
                            letter.version() == null ? 0 : letter.version(),
                            letter.channel(),
                            DeliveryStatus.FAILED,
                            letter.exceptionMessage(),
                            letter.receivedAt(),
                            "DEAD_LETTER",
                            letter.id(),
                            null));
        }
        return failures.stream()
                .sorted(Comparator.comparing(FailedDelivery::at).reversed())
                .limit(limit)
                .toList();
    }

    private static int indexOf(List<FailedDelivery> failures, DeadLetters.DeadLetter letter) {
        for (int i = 0; i < failures.size(); i++) {
            FailedDelivery failure = failures.get(i);
            if (failure.itemId().equals(letter.itemId())
                    && failure.channel() == letter.channel()
                    && letter.version() != null
                    && failure.version() == letter.version()) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
