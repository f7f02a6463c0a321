package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.Topics;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * A {@link KafkaTemplate} that fails the next reports of an item as a broker that went away would
 * (the send times out), so a test can lose a report after the ledger changed.
 */
class FlakyKafkaTemplate extends KafkaTemplate<Object, Object> {

    private final Map<String, AtomicInteger> toLose = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();

    FlakyKafkaTemplate(ProducerFactory<Object, Object> producers) {
        super(producers);
    }

    /** Loses the next {@code count} delivery reports of the item. */
    void loseReports(UUID itemId, int count) {
        toLose.put(itemId.toString(), new AtomicInteger(count));
    }

    /** How many reports of the item were lost. */
    int lost(UUID itemId) {
        return lost.getOrDefault(itemId.toString(), new AtomicInteger()).get();
    }

    @Override
    public CompletableFuture<SendResult<Object, Object>> send(
            String topic, Object key, Object data) {
        AtomicInteger left = toLose.get(String.valueOf(key));
        if (Topics.DELIVERY_REPORTS.equals(topic) && left != null && left.getAndDecrement() > 0) {
            lost.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.failedFuture(
                    new TimeoutException("Expiring 1 record(s): the broker is away (test)"));
        }
        return super.send(topic, key, data);
    }
}
