package cn.college.disclosure.contract;

/** The repairs an operator can ask a channel for, by their wire names. */
public enum RepairAction {
    /**
     * Deliver the version again: a failed delivery is pushed again with the request the channel
     * stored; a delivered one is only reported again; one whose outcome is unknown is reconciled
     * with the provider first and pushed only if the provider certainly does not have it.
     */
    RETRY,
    /** Ask the provider now what became of an attempt whose outcome is unknown; never push. */
    RECONCILE,
    /** A person checked the provider: the version is live. Recorded with who decided. */
    RESOLVE_DELIVERED,
    /** A person checked the provider: the version is not live. Recorded with who decided. */
    RESOLVE_FAILED
}
