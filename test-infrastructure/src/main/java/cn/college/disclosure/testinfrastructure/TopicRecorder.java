package cn.college.disclosure.testinfrastructure;

import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.WireTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reads a topic from the beginning on its own thread and keeps every record, as another service
 * would see them.
 */
public final class TopicRecorder<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;

    private TopicRecorder(KafkaConsumer<String, V> consumer, String topic) {
        this.consumer = consumer;
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    public static TopicRecorder<DeliveryReported> reports(String bootstrapServers, String topic) {
        Map<String, Object> config = config(bootstrapServers);
        config.put(JacksonJsonDeserializer.TYPE_MAPPINGS, WireTypes.MAPPING);
        config.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, "cn.college.disclosure.contract");
        KafkaConsumer<String, DeliveryReported> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        configured(new JacksonJsonDeserializer<DeliveryReported>(), config));
        return new TopicRecorder<>(consumer, topic);
    }

    /** Any of the contract's records, read by their logical type ids. */
    public static <T> TopicRecorder<T> events(String bootstrapServers, String topic) {
        Map<String, Object> config = config(bootstrapServers);
        config.put(JacksonJsonDeserializer.TYPE_MAPPINGS, WireTypes.MAPPING);
        config.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, "cn.college.disclosure.contract");
        KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        configured(new JacksonJsonDeserializer<T>(), config));
        return new TopicRecorder<>(consumer, topic);
    }

    public static TopicRecorder<byte[]> raw(String bootstrapServers, String topic) {
        return new TopicRecorder<>(
                new KafkaConsumer<>(
                        config(bootstrapServers),
                        new StringDeserializer(),
                        new ByteArrayDeserializer()),
                topic);
    }

    /**
     * Reads the topic from the beginning up to its end as it is now, as the contract's records, and
     * returns every record: a snapshot for asserting what was sent exactly once.
     */
    public static List<ConsumerRecord<String, Object>> snapshot(
            String bootstrapServers, String topic) {
        Map<String, Object> config = config(bootstrapServers);
        config.put(JacksonJsonDeserializer.TYPE_MAPPINGS, WireTypes.MAPPING);
        config.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, "cn.college.disclosure.contract");
        try (KafkaConsumer<String, Object> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        configured(new JacksonJsonDeserializer<Object>(), config))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Object>> found = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            return found;
        }
    }

    public List<ConsumerRecord<String, V>> records() {
        return List.copyOf(records);
    }

    public List<ConsumerRecord<String, V>> keyed(UUID itemId) {
        return records.stream().filter(r -> itemId.toString().equals(r.key())).toList();
    }

    public List<V> values(UUID itemId) {
        return keyed(itemId).stream().map(ConsumerRecord::value).toList();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return new java.util.HashMap<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "recorder-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"));
    }

    private static <T> JacksonJsonDeserializer<T> configured(
            JacksonJsonDeserializer<T> deserializer, Map<String, Object> config) {
        deserializer.configure(config, false);
        return deserializer;
    }
}
