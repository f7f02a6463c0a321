package cn.college.disclosure.channel.runtime;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An attempt whose outcome is unknown, handed to {@link ChannelAdapter#reconcile}.
 *
 * @param itemId the item
 * @param version the version that was being delivered
 * @param attempt how many calls were made for it so far
 * @param idempotencyKey the key those calls carried
 * @param externalRef the system's id from a {@link DeliveryOutcome.Pending} answer, if any
 * @param startedAt when the last call started
 */
public record DeliveryAttempt(
        UUID itemId,
        int version,
        int attempt,
        String idempotencyKey,
        @Nullable String externalRef,
        Instant startedAt) {}
