package cn.college.disclosure.core.item;

import java.time.Instant;

/**
 * A version of an item was approved to go out at {@code publishAt} (定时发布): the approval is recorded
 * now, the channels hear of it only when {@link ItemApproved} follows at that time. Published
 * inside the approving transaction.
 */
public record ItemScheduled(
        ItemId itemId, int version, String approvedBy, Instant approvedAt, Instant publishAt) {}
