/**
 * Keeps the channel from flooding a provider: one Resilience4j circuit breaker and rate limiter per
 * external API, turned into the runtime's pause ({@code ChannelParked}) instead of spent retries.
 */
@NullMarked
package cn.college.disclosure.channel.runtime.resilience;

import org.jspecify.annotations.NullMarked;
