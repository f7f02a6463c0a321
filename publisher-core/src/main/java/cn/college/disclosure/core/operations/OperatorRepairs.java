package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.RepairAction;
import cn.college.disclosure.core.delivery.DeliveryDecisions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that a repair applies to the delivery as the core knows it, logs it ({@code
 * delivery_repair}, append-only) and publishes {@link RepairRequested}, from which the outbox
 * writes the channel's {@code DeliveryRepairRequested} in the same transaction. The channel's
 * ledger has the last word: the checks here only spare operators requests that cannot do anything.
 *
 * <p>Throws {@link DeliveryNotFound} (neither a delivery nor a dead letter for the triple) and
 * {@link DeliveryNotRepairable} (wrong status: a retry of a DELIVERED, RETRACTED, SKIPPED or
 * PENDING delivery without a dead letter; a reconcile or decision on anything but UNCONFIRMED).
 */
@Service
class OperatorRepairs implements DeliveryRepairs {

    private static final Set<DeliveryStatus> RETRYABLE =
            EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.RETRYING, DeliveryStatus.UNCONFIRMED);

    private static final Set<DeliveryStatus> SETTLED =
            EnumSet.of(DeliveryStatus.DELIVERED, DeliveryStatus.RETRACTED, DeliveryStatus.SKIPPED);

    private final JdbcClient jdbc;
    private final DeadLetters deadLetters;
    private final DeliveryDecisions decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperatorRepairs(
            JdbcClient jdbc,
            DeadLetters deadLetters,
            DeliveryDecisions decisions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void retry(UUID itemId, int version, Channel channel, String requestedBy) {
        DeliveryStatus status = status(itemId, version, channel);
        boolean deadLettered = deadLetters.anyOpen(itemId, version, channel).isPresent();
        if (status == null && !deadLettered) {
            throw new DeliveryNotFound(itemId, version, channel);
        }
        if (status != null && SETTLED.contains(status)) {
            throw new DeliveryNotRepairable(
                    "Item %s version %d is %s on %s; there is nothing to retry"
                            .formatted(itemId, version, status, channel));
        }
        if (status != null && !RETRYABLE.contains(status) && !deadLettered) {
            throw new DeliveryNotRepairable(
                    "Item %s version %d is %s on %s; only FAILED, RETRYING, UNCONFIRMED or"
                                    .formatted(itemId, version, status, channel)
                            + " dead-lettered deliveries are retried");
        }
        Instant now = clock.instant();
        request(itemId, version, channel, RepairAction.RETRY, requestedBy, null, now);
        deadLetters.markRetried(itemId, version, channel, requestedBy, now);
    }

    @Override
    @Transactional
    public void reconcile(UUID itemId, int version, Channel channel, String requestedBy) {
        requireUnconfirmed(itemId, version, channel, "reconciled");
        request(
                itemId,
                version,
                channel,
                RepairAction.RECONCILE,
                requestedBy,
                null,
                clock.instant());
    }

    @Override
    @Transactional
    public void resolve(
            UUID itemId,
            int version,
            Channel channel,
            boolean delivered,
            String decidedBy,
            String note) {
        requireUnconfirmed(itemId, version, channel, "marked delivered or failed");
        Instant now = clock.instant();
        String kept = note.isBlank() ? null : note.strip();
        decisions.recordDecision(itemId, version, channel, decidedBy, kept, now);
        request(
                itemId,
                version,
                channel,
                delivered ? RepairAction.RESOLVE_DELIVERED : RepairAction.RESOLVE_FAILED,
                decidedBy,
                kept,
                now);
    }

    private void requireUnconfirmed(UUID itemId, int version, Channel channel, String what) {
        DeliveryStatus status = status(itemId, version, channel);
        if (status == null) {
            throw new DeliveryNotFound(itemId, version, channel);
        }
        if (status != DeliveryStatus.UNCONFIRMED) {
            throw new DeliveryNotRepairable(
                    "Item %s version %d is %s on %s; only UNCONFIRMED deliveries are %s"
                            .formatted(itemId, version, status, channel, what));
        }
    }

    private void request(
            UUID itemId,
            int version,
            Channel channel,
            RepairAction action,
            String requestedBy,
            @Nullable String note,
            Instant now) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into delivery_repair (event_id, item_id, version, channel, action,
                            requested_by, note, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        eventId,
                        itemId,
                        version,
                        channel.name(),
                        action.name(),
                        requestedBy,
                        note,
                        ChannelStatuses.utc(now))
                .update();
        events.publishEvent(
                new RepairRequested(
                        eventId, itemId, version, channel, action, requestedBy, note, now));
    }

    private @Nullable DeliveryStatus status(UUID itemId, int version, Channel channel) {
        return jdbc.sql(
                        "select status from delivery where item_id = ? and version = ? and channel = ?")
                .params(itemId, version, channel.name())
                .query(String.class)
                .optional()
                .map(DeliveryStatus::valueOf)
                .orElse(null);
    }
}
