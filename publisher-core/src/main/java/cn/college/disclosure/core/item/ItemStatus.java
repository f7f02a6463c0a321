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
    /** The item was withdrawn from every channel; nothing more can happen to it. */
    RETRACTED
}
