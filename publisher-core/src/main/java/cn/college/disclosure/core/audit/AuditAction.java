package cn.college.disclosure.core.audit;

/** What a person did. */
public enum AuditAction {
    /** A liaison approved a version; it went to the channels. */
    APPROVED,
    /** An item was withdrawn from every channel, with a reason. */
    RETRACTED,
    /** An operator asked a channel to deliver again (through its ledger). */
    RETRY_REQUESTED,
    /** An operator asked a channel to reconcile an unconfirmed delivery with its provider. */
    RECONCILE_REQUESTED,
    /** A person overrode an unknown outcome: delivered. */
    MARKED_DELIVERED,
    /** A person overrode an unknown outcome: failed. */
    MARKED_FAILED
}
