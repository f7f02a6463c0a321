package cn.college.disclosure.core.operations;

/**
 * The repair does not apply to the delivery's current status, e.g. a retry of a DELIVERED delivery
 * or a decision on one that is not UNCONFIRMED. The message names the current status.
 */
public class DeliveryNotRepairable extends IllegalStateException {

    public DeliveryNotRepairable(String message) {
        super(message);
    }
}
