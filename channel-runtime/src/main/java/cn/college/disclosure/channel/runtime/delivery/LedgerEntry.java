package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.DeliveredVersion;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.contract.DeliveryWarning;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One (item, version) in the channel's ledger.
 *
 * @param attempts how many times the outside system was called for it
 * @param detail the last reason or warning, for people
 * @param warnings what the channel could not carry although it delivered; sent with every report
 * @param retryingSince when the current run of transient failures began (the retry horizon counts
 *     from it), {@code null} while none is running
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
        Instant updatedAt,
        List<DeliveryWarning> warnings,
        @Nullable Instant retryingSince) {

    LedgerEntry {
        warnings = List.copyOf(warnings);
    }

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
