package cn.college.disclosure.contract;

/** An LED message's priority within its screen group. The names are the wire names. */
public enum LedPriority {
    NORMAL,
    URGENT,
    /** Preempts every other message of its group until it is withdrawn or expires. */
    EMERGENCY
}
