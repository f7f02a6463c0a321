package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import java.util.UUID;

/**
 * The repairs an operator may make. Each goes through the channel's ledger, so none can publish an
 * item twice: a retry of something the provider already has is re-reported, not pushed again.
 *
 * <p>Each request carries a {@code requestId} chosen by the caller (the console renders one into
 * each form; the API takes an {@code Idempotency-Key}). It becomes the id of the channel's command,
 * and a request whose id was already accepted changes nothing, so a form submitted twice, or a
 * double click, asks the channel once.
 */
public interface DeliveryRepairs {

    /**
     * Asks the channel to deliver (item, version) again: a FAILED delivery or a dead-letter.
     *
     * @throws DeliveryNotFound when neither a delivery nor a dead letter is known for it
     * @throws DeliveryNotRepairable when it is DELIVERED, RETRACTED, SKIPPED, or PENDING without a
     *     dead letter
     */
    void retry(UUID requestId, UUID itemId, int version, Channel channel, String requestedBy);

    /**
     * Asks the channel to reconcile an UNCONFIRMED delivery with its provider now.
     *
     * @throws DeliveryNotFound when no delivery is known for it
     * @throws DeliveryNotRepairable when it is not UNCONFIRMED
     */
    void reconcile(UUID requestId, UUID itemId, int version, Channel channel, String requestedBy);

    /**
     * Records a person's decision on an UNCONFIRMED delivery: it is delivered, or it failed. Who
     * decided, and why, is kept with the delivery.
     *
     * @throws DeliveryNotFound when no delivery is known for it
     * @throws DeliveryNotRepairable when it is not UNCONFIRMED
     */
    void resolve(
            UUID requestId,
            UUID itemId,
            int version,
            Channel channel,
            boolean delivered,
            String decidedBy,
            String note);
}
