package cn.college.disclosure.contract;

/** Where one version of an item stands on one channel. */
public enum DeliveryStatus {
    /** Approved and on its way; the channel has not answered yet. */
    PENDING,
    /** The channel confirmed the item is live. */
    DELIVERED,
    /** A transient failure; the channel will try again by itself. */
    RETRYING,
    /** The channel gave up or the provider refused the item; the reason is in the detail. */
    FAILED,
    /**
     * The outcome is unknown (the call may or may not have reached the provider); it is reconciled
     * by asking the provider, never by pushing again.
     */
    UNCONFIRMED,
    /** The item was taken down from the channel. */
    RETRACTED,
    /** The item is not targeted at the channel. */
    SKIPPED;

    /** Whether nothing more will happen to the delivery without a person or a new event. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == RETRACTED || this == SKIPPED;
    }
}
