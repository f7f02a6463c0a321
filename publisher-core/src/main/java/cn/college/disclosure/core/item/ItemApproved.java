package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A version of an item was approved and is now the live one. Published inside the approving
 * transaction, so listeners that write to the database commit or roll back with the approval.
 */
public record ItemApproved(
        ItemId itemId,
        int version,
        String title,
        @Nullable String summary,
        String bodyHtml,
        Set<Channel> channels,
        @Nullable Integer catalogueItem,
        String department,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        String approvedBy,
        Instant approvedAt,
        LedDisplay led) {}
