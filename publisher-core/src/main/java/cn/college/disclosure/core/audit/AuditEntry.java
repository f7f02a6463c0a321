package cn.college.disclosure.core.audit;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One act in the audit log.
 *
 * @param version the item's version the act concerned
 * @param channel the channel of a repair or override; null for approvals and retractions
 * @param detail the retraction's reason or the operator's note, as given
 * @param itemTitle the item's current title, for display; null if the item is unknown to the core
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        AuditAction action,
        UUID itemId,
        int version,
        @Nullable Channel channel,
        @Nullable String detail,
        @Nullable String itemTitle) {}
