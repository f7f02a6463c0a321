package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Which failures a retry can cure, and what people are told about them. */
class DeliveryFailuresTests {

    @Test
    void retriesTransientAndUnknownFailures() {
        assertThat(DeliveryFailures.retryable(wrapped(new TransientDeliveryFailure("503"))))
                .isTrue();
        assertThat(DeliveryFailures.retryable(wrapped(new IllegalStateException("closed"))))
                .isTrue();
    }

    @Test
    void doesNotRetryInvalidEventsOrUnreadableRecords() {
        assertThat(DeliveryFailures.retryable(wrapped(new InvalidPublicationEvent("no id"))))
                .isFalse();
        assertThat(
                        DeliveryFailures.retryable(
                                new DeserializationException("bad", new byte[0], false, null)))
                .isFalse();
    }

    @Test
    void reportsTheAdaptersMessageRatherThanTheListenersWrapper() {
        assertThat(DeliveryFailures.reason(wrapped(new TransientDeliveryFailure("HTTP 503"))))
                .isEqualTo("HTTP 503");
    }

    private static Exception wrapped(RuntimeException cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }
}
