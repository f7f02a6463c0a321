package cn.college.disclosure.core.audit;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.core.delivery.DeliveryDecided;
import cn.college.disclosure.core.item.ItemApproved;
import cn.college.disclosure.core.item.ItemRetracted;
import cn.college.disclosure.core.item.ItemScheduled;
import cn.college.disclosure.core.operations.RepairRequested;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an entry for each act, synchronously and inside the act's own transaction (hence {@code
 * MANDATORY}): an act that rolls back leaves no entry, and no committed act lacks one. An override
 * is recorded from {@link DeliveryDecided}, not from the repair request that carries it to the
 * channel, so it appears once.
 */
@Component
class AuditRecorder {

    private final JdbcClient jdbc;

    AuditRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemApproved approved) {
        if (approved.scheduledFor() != null) {
            // recorded when the liaison approved it (ItemScheduled); the release is no one's act
            return;
        }
        append(
                approved.approvedAt(),
                approved.approvedBy(),
                AuditAction.APPROVED,
                approved.itemId().value(),
                approved.version(),
                null,
                null);
    }

    /** An approval for later (定时发布) is the liaison's approval, recorded when it is made. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemScheduled scheduled) {
        append(
                scheduled.approvedAt(),
                scheduled.approvedBy(),
                AuditAction.APPROVED,
                scheduled.itemId().value(),
                scheduled.version(),
                null,
                null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemRetracted retracted) {
        append(
                retracted.retractedAt(),
                retracted.retractedBy(),
                AuditAction.RETRACTED,
                retracted.itemId().value(),
                retracted.version(),
                null,
                retracted.reason());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RepairRequested repair) {
        AuditAction action =
                switch (repair.action()) {
                    case RETRY -> AuditAction.RETRY_REQUESTED;
                    case RECONCILE -> AuditAction.RECONCILE_REQUESTED;
                    // recorded from DeliveryDecided
                    case RESOLVE_DELIVERED, RESOLVE_FAILED -> null;
                };
        if (action != null) {
            append(
                    repair.requestedAt(),
                    repair.requestedBy(),
                    action,
                    repair.itemId(),
                    repair.version(),
                    repair.channel(),
                    repair.note());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DeliveryDecided decided) {
        append(
                decided.decidedAt(),
                decided.decidedBy(),
                decided.outcome() == DeliveryStatus.DELIVERED
                        ? AuditAction.MARKED_DELIVERED
                        : AuditAction.MARKED_FAILED,
                decided.itemId(),
                decided.version(),
                decided.channel(),
                decided.note());
    }

    private void append(
            Instant at,
            String actor,
            AuditAction action,
            UUID itemId,
            int version,
            @Nullable Channel channel,
            @Nullable String detail) {
        jdbc.sql(
                        """
                        insert into audit_entry (occurred_at, actor, action, item_id, version,
                            channel, detail) values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        at.atOffset(ZoneOffset.UTC),
                        actor,
                        action.name(),
                        itemId,
                        version,
                        channel == null ? null : channel.name(),
                        detail)
                .update();
    }
}
