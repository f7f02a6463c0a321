package cn.college.disclosure.channel.runtime;

/**
 * The outside system certainly did not take the item, and a later try may succeed (a 5xx, a refused
 * connection, a rate limit). The runtime retries with backoff and, when the retries are exhausted,
 * reports FAILED and sends the record to the dead-letter topic.
 */
public class TransientDeliveryFailure extends RuntimeException {

    public TransientDeliveryFailure(String message) {
        super(message);
    }

    public TransientDeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
