package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One (item, version) in the channel's ledger.
 *
 * @param attempts how many times the outside system was called for it
 * @param detail the last reason or warning, for people
 */
record LedgerEntry(
        UUID itemId,
        int version,
        LedgerStatus status,
        int attempts,
        String idempotencyKey,
        @Nullable URI externalUrl,
        @Nullable String externalRef,
        @Nullable String detail,
        @Nullable Instant lastAttemptAt,
        Instant updatedAt) {

    DeliveryAttempt attempt() {
        return new DeliveryAttempt(
                itemId,
                version,
                attempts,
                idempotencyKey,
                externalRef,
                lastAttemptAt == null ? updatedAt : lastAttemptAt);
    }

    DeliveredVersion delivered() {
        return new DeliveredVersion(version, externalUrl, externalRef);
    }
}
