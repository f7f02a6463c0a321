package cn.college.disclosure.channel.runtime;

import org.jspecify.annotations.Nullable;

/**
 * What a channel knows about its provider's health beyond the runtime's own view: a bean of this
 * type (the adapter itself may implement it) puts its circuit breaker's state into the channel's
 * status reports, which the operator board shows.
 */
public interface ProviderHealth {

    /**
     * The state of the circuit breaker in front of the provider, e.g. Resilience4j's {@code
     * CLOSED}, {@code OPEN}, {@code HALF_OPEN}; {@code null} when the channel has none.
     */
    @Nullable String circuitBreaker();
}
