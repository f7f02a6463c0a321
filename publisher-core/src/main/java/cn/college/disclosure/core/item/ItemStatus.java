package cn.college.disclosure.core.item;

/**
 * Where an item stands, as the API reports it: the status of its latest version, except that a
 * retracted item is {@link #RETRACTED} whatever its versions are.
 */
public enum ItemStatus {
    /** The latest version is being edited; an earlier version may be live. */
    DRAFT,
    /** The latest version is approved and live. */
    APPROVED,
    /**
     * The latest version is approved and goes out at its {@code publishAt} (待发布); an earlier
     * version may be live until then.
     */
    SCHEDULED,
    /** The item was withdrawn from every channel; nothing more can happen to it. */
    RETRACTED
}
