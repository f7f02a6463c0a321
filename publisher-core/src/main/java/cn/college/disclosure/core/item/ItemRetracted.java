package cn.college.disclosure.core.item;

import java.time.Instant;

/**
 * An item was withdrawn; {@code version} is the version that was live. Published inside the
 * retracting transaction.
 */
public record ItemRetracted(
        ItemId itemId, int version, String reason, String retractedBy, Instant retractedAt) {}
