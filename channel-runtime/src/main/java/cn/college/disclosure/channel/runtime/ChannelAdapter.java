package cn.college.disclosure.channel.runtime;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;

/**
 * The one thing a channel service writes: how to put an item on its outside system, take it down,
 * and ask the system what became of an attempt. Defining a bean of this type activates the channel
 * runtime.
 *
 * <p>The runtime records every attempt before it calls the adapter and never calls {@link #publish}
 * twice for an attempt whose outcome is unknown: it calls {@link #reconcile} first. Adapters
 * therefore report what they know and no more:
 *
 * <ul>
 *   <li>return {@link DeliveryOutcome#delivered} when the system confirmed the item is live, {@link
 *       DeliveryOutcome#pending} when it accepted the item and confirms later (WeChat's
 *       asynchronous publishing, an LED screen's acknowledgement), {@link DeliveryOutcome#failed}
 *       when it refused the item (not retried), and {@link DeliveryOutcome#unconfirmed} when the
 *       call may or may not have reached it;
 *   <li>throw {@link TransientDeliveryFailure} when the system certainly did not take the item and
 *       a later try may succeed (5xx, connection refused, rate limit): the runtime retries with
 *       backoff and pushes again;
 *   <li>any other exception is treated as an ambiguous outcome: the record is retried, but the
 *       retry starts with {@link #reconcile}.
 * </ul>
 *
 * <p>Calls for one item never overlap: records are keyed by item id and consumed in order.
 */
public interface ChannelAdapter {

    /** The channel this adapter serves; it names the listener, consumer group and ledger rows. */
    Channel channel();

    /**
     * Puts one version of an item on the channel, replacing {@link DeliveryContext#replacing()} if
     * the channel shows an earlier version. Providers that take an idempotency key get {@link
     * DeliveryContext#idempotencyKey()}.
     */
    DeliveryOutcome publish(PublicationRequested request, DeliveryContext context);

    /**
     * Takes the item down. Must succeed (return {@link DeliveryOutcome#retracted}) when the item is
     * already gone, because a retraction is repeated after a crash.
     */
    DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context);

    /**
     * Asks the outside system what became of an attempt whose outcome is unknown: {@link
     * DeliveryOutcome#delivered} if the item is live there, {@link DeliveryOutcome#absent} if it is
     * certainly not (the runtime may then push), {@link DeliveryOutcome#pending} if the system is
     * still working on it, {@link DeliveryOutcome#unconfirmed} if the system cannot tell.
     */
    DeliveryOutcome reconcile(DeliveryAttempt attempt);
}
