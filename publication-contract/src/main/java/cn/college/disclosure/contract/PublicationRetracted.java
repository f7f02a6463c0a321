package cn.college.disclosure.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved item was withdrawn: every channel takes down whatever version it shows.
 *
 * @param version the version that was live when the item was retracted
 * @param reason why, as the liaison or admin gave it
 * @param retractedBy the user who retracted it
 */
public record PublicationRetracted(
        UUID eventId,
        UUID itemId,
        int version,
        Instant occurredAt,
        String reason,
        String retractedBy)
        implements PublicationEvent {}
