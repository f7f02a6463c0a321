package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel's report changed what the ledger knows about one version of an item on one channel.
 * Published inside the transaction that changed the ledger, so a listener sees the new state and
 * can change its own tables atomically with it.
 *
 * @param status the status the report carried (the stored one if the report was older)
 * @param previousReportedAt when the report that was current before this one occurred; absent for a
 *     version the channel had not reported on
 * @param reportedAt when this report occurred
 */
public record DeliveryRecorded(
        UUID itemId,
        int version,
        Channel channel,
        DeliveryStatus status,
        @Nullable Instant previousReportedAt,
        Instant reportedAt) {}
