package cn.college.disclosure.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event carries. Consumers deduplicate on {@link #eventId()}; records are keyed
 * by {@link #itemId()} so that one item's events stay in order; {@link #version()} is the item's
 * version, counted from 1.
 */
public sealed interface PublicationEvent
        permits PublicationRequested,
                PublicationRetracted,
                DeliveryReported,
                DeliveryRepairRequested {

    UUID eventId();

    UUID itemId();

    int version();

    Instant occurredAt();
}
