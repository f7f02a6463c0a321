package cn.college.disclosure.core.account;

/** What a user may do. */
public enum Role {
    /** A department's liaison: drafts, approves and retracts its own department's items. */
    LIAISON,
    /** Watches the channels and the deliveries. */
    OPERATOR,
    /** Reads the statistics for the annual report. */
    REPORTER,
    /** Administers users; may retract any item. */
    ADMIN,
    /**
     * A channel service's account: reads the items' files ({@code GET /api/media/**}) and nothing
     * else, neither the rest of the API nor the console.
     */
    CHANNEL
}
