package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code channel.deliveries{channel,status}} counts reports sent; {@code
 * channel.adapter.calls{channel,operation,outcome}} times the calls to the outside system.
 */
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final String channel;

    DeliveryMetrics(MeterRegistry registry, Channel channel) {
        this.registry = registry;
        this.channel = channel.name().toLowerCase(Locale.ROOT);
    }

    void reported(DeliveryStatus status) {
        Counter.builder("channel.deliveries")
                .description("Delivery reports sent, by status")
                .tag("channel", channel)
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    <T> T timed(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = result.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            return result;
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            sample.stop(
                    Timer.builder("channel.adapter.calls")
                            .description("Calls to the channel's outside system")
                            .tag("channel", channel)
                            .tag("operation", operation)
                            .tag("outcome", outcome)
                            .register(registry));
        }
    }
}
