package cn.college.disclosure.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reference point: a plain producer (acks=all, idempotent, as the pipeline's) sends records of
 * the size of a publication event, keyed by a fresh item id, and a plain consumer reads them.
 */
final class PlainKafkaBaseline {

    record Result(int messages, Duration elapsed, Latencies latencies) {
        double perSecond() {
            return messages / (elapsed.toNanos() / 1e9);
        }
    }

    static Result run(String bootstrapServers, int messages, String payload) throws Exception {
        String topic = "benchmark-baseline-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        AtomicLong lastReceived = new AtomicLong();

        Thread consumerThread =
                new Thread(
                        () ->
                                consume(
                                        bootstrapServers,
                                        topic,
                                        messages,
                                        sentAt,
                                        latency,
                                        lastReceived),
                        "baseline-consumer");
        consumerThread.start();

        Map<String, Object> producerSettings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true);
        // give the consumer time to be assigned before the clock starts
        waitForAssignment();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        producerSettings, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < messages; i++) {
                String key = UUID.randomUUID().toString();
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, payload));
            }
            producer.flush();
        }
        consumerThread.join(Duration.ofMinutes(5).toMillis());
        return new Result(
                latency.size(),
                Duration.ofNanos(lastReceived.get() - start),
                Latencies.of(latency.values()));
    }

    /**
     * One record at a time: send, wait for the broker's ack, poll until the consumer has it. The
     * unloaded latency of one hop through the broker.
     */
    static Latencies oneAtATime(String bootstrapServers, int messages, String payload)
            throws Exception {
        String topic = "benchmark-sequential-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Map<String, Object> producerSettings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true);
        List<Long> latencies = new java.util.ArrayList<>();
        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(
                                producerSettings, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(
                                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                                new StringDeserializer(),
                                new StringDeserializer())) {
            var partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    info ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < messages; i++) {
                String key = UUID.randomUUID().toString();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, key, payload)).get();
                boolean received = false;
                while (!received) {
                    for (ConsumerRecord<String, String> record :
                            consumer.poll(Duration.ofMillis(100))) {
                        received |= record.key().equals(key);
                    }
                }
                latencies.add(System.nanoTime() - start);
            }
        }
        return Latencies.of(latencies);
    }

    private static volatile boolean assigned;

    private static void waitForAssignment() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!assigned && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void consume(
            String bootstrapServers,
            String topic,
            int messages,
            Map<String, Long> sentAt,
            Map<String, Long> latency,
            AtomicLong lastReceived) {
        Map<String, Object> settings =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (latency.size() < messages && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (!consumer.assignment().isEmpty()) {
                    assigned = true;
                }
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> record : records) {
                    Long sent = sentAt.get(record.key());
                    if (sent != null) {
                        latency.put(record.key(), now - sent);
                        lastReceived.set(now);
                    }
                }
            }
        }
    }

    private PlainKafkaBaseline() {}
}
