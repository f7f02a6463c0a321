package cn.college.disclosure.channel.runtime;

import java.util.UUID;

/**
 * The way in for an outcome the provider pushes later, outside the listener: WeChat's {@code
 * PUBLISHJOBFINISH} callback, an LED screen's acknowledgement. The runtime records it in the ledger
 * and reports it, exactly like an outcome the adapter returned.
 */
public interface AsynchronousOutcomes {

    /**
     * Records and reports what became of (item, version): {@link DeliveryOutcome.Delivered} or
     * {@link DeliveryOutcome.Failed} settle an attempt whose outcome was unknown (pending, in
     * flight, unconfirmed); {@link DeliveryOutcome.Retracted} takes down a delivered version (the
     * provider removed it). Anything else, or an outcome for a version that is already settled the
     * same way, is ignored, so a callback and a poll may both deliver the same news.
     *
     * @return whether the ledger changed (and a report was sent)
     */
    boolean arrived(UUID itemId, int version, DeliveryOutcome outcome);
}
