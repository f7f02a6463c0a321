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
    public void retry(
            UUID requestId, UUID itemId, int version, Channel channel, String requestedBy) {
        if (accepted(requestId)) {
            return;
        }
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
        if (request(
                requestId, itemId, version, channel, RepairAction.RETRY, requestedBy, null, now)) {
            deadLetters.markRetried(itemId, version, channel, requestedBy, now);
        }
    }

    @Override
    @Transactional
    public void reconcile(
            UUID requestId, UUID itemId, int version, Channel channel, String requestedBy) {
        if (accepted(requestId)) {
            return;
        }
        requireUnconfirmed(itemId, version, channel, "reconciled");
        request(
                requestId,
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
            UUID requestId,
            UUID itemId,
            int version,
            Channel channel,
            boolean delivered,
            String decidedBy,
            String note) {
        if (accepted(requestId)) {
            return;
        }
        requireUnconfirmed(itemId, version, channel, "marked delivered or failed");
        Instant now = clock.instant();
        String kept = note.isBlank() ? null : note.strip();
        if (request(
                requestId,
                itemId,
                version,
                channel,
                delivered ? RepairAction.RESOLVE_DELIVERED : RepairAction.RESOLVE_FAILED,
                decidedBy,
                kept,
                now)) {
            decisions.recordDecision(
                    itemId,
                    version,
                    channel,
                    delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED,
                    decidedBy,
                    kept,
                    now);
        }
    }

    /** Whether a request with this id was accepted before (the same form submitted again). */
    private boolean accepted(UUID requestId) {
        return jdbc.sql("select count(*) from delivery_repair where event_id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single()
                > 0;
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

    /**
     * Logs the repair under the request's id and publishes {@link RepairRequested}; returns false,
     * doing nothing, when a concurrent request with the same id (a double click) got there first.
     */
    private boolean request(
            UUID requestId,
            UUID itemId,
            int version,
            Channel channel,
            RepairAction action,
            String requestedBy,
            @Nullable String note,
            Instant now) {
        int inserted =
                jdbc.sql(
                                """
                                insert into delivery_repair (event_id, item_id, version, channel,
                                    action, requested_by, note, requested_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                                """)
                        .params(
                                requestId,
                                itemId,
                                version,
                                channel.name(),
                                action.name(),
                                requestedBy,
                                note,
                                ChannelStatuses.utc(now))
                        .update();
        if (inserted == 0) {
            return false;
        }
        events.publishEvent(
                new RepairRequested(
                        requestId, itemId, version, channel, action, requestedBy, note, now));
        return true;
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
