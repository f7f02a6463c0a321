package cn.college.disclosure.channel.runtime;

import org.jspecify.annotations.Nullable;

/**
 * What the runtime knows about a delivery when it calls the adapter.
 *
 * @param attempt this call's number for the (item, version) on this channel, counted from 1
 * @param idempotencyKey stable per (item, version, channel): the same on every retry and after a
 *     restart, for providers that deduplicate (WeChat {@code clientmsgid}, a webhook id)
 * @param replacing the version the channel shows now, which this call replaces (publish) or takes
 *     down (retract); {@code null} if none was delivered
 */
public record DeliveryContext(
        int attempt, String idempotencyKey, @Nullable DeliveredVersion replacing) {}
