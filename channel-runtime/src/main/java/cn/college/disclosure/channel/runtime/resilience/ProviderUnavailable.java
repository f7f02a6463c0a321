package cn.college.disclosure.channel.runtime.resilience;

/**
 * The provider did not take the call: a 5xx, a refused or dropped connection, a timeout. The only
 * failure the circuit breakers record ({@code record-exceptions} in {@code application.yml}); a
 * refusal (4xx, a business error code) is an answer and never opens a breaker.
 *
 * <p>A timeout or a dropped connection may come after the provider applied the call; adapters only
 * treat this as "not taken" where a repeat is deduplicated by the provider (the same {@code
 * webhook-id}, WeCom's duplicate check).
 */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
