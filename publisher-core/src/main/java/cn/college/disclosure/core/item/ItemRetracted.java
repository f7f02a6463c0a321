package cn.college.disclosure.core.item;

import java.time.Instant;

/**
 * An item was withdrawn; {@code version} is the version that was live. Published inside the
 * retracting transaction.
 *
 * @param published whether the version was ever sent to the channels; false when a scheduled
 *     version was cancelled before its time, which no channel is told of
 */
public record ItemRetracted(
        ItemId itemId,
        int version,
        String reason,
        String retractedBy,
        Instant retractedAt,
        boolean published) {

    /** The retraction of a live version. */
    public ItemRetracted(
            ItemId itemId, int version, String reason, String retractedBy, Instant retractedAt) {
        this(itemId, version, reason, retractedBy, retractedAt, true);
    }
}
