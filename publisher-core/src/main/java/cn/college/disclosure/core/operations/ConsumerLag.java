package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * How many records of {@link Topics#PUBLICATIONS} each channel's consumer group has yet to read,
 * from Kafka's AdminClient: per partition the latest offset minus the group's committed one (the
 * earliest offset where the group has committed nothing on a partition). Unknown (null) for a group
 * that never committed anything, and for every channel while Kafka does not answer. Readings are
 * reused for {@code publisher.operations.lag-cache-for} and refreshed off the request thread, so a
 * busy board does not load the broker and a slow broker does not slow the board.
 */
@Component
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final KafkaAdmin kafkaAdmin;
    private final OperationsProperties properties;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /** The core's one task scheduler: the refresh runs on it, off the request thread. */
    private final TaskScheduler scheduler;

    private @Nullable Admin admin;
    private volatile Map<Channel, Long> cached = Map.of();
    private volatile @Nullable Instant cachedAt;

    ConsumerLag(
            KafkaAdmin kafkaAdmin,
            OperationsProperties properties,
            Clock clock,
            TaskScheduler scheduler) {
        this.kafkaAdmin = kafkaAdmin;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The latest reading per channel; a channel without one is absent. Never waits for Kafka: a
     * reading older than {@code lag-cache-for} is refreshed in the background, so a slow or absent
     * broker never slows the board.
     */
    Map<Channel, Long> byChannel() {
        Instant now = clock.instant();
        Instant at = cachedAt;
        if ((at == null || !now.isBefore(at.plus(properties.lagCacheFor())))
                && refreshing.compareAndSet(false, true)) {
            try {
                scheduler.schedule(
                        () -> {
                            try {
                                cached = read();
                                cachedAt = clock.instant();
                            } finally {
                                refreshing.set(false);
                            }
                        },
                        scheduler.getClock().instant());
            } catch (RuntimeException rejected) {
                refreshing.set(false);
            }
        }
        return cached;
    }

    private Map<Channel, Long> read() {
        long timeout = properties.adminTimeout().toMillis();
        try {
            Admin client = admin();
            List<TopicPartition> partitions =
                    client
                            .describeTopics(List.of(Topics.PUBLICATIONS))
                            .allTopicNames()
                            .get(timeout, TimeUnit.MILLISECONDS)
                            .get(Topics.PUBLICATIONS)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(Topics.PUBLICATIONS, p.partition()))
                            .toList();
            Map<TopicPartition, Long> latest = offsets(client, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> earliest = offsets(client, partitions, OffsetSpec.earliest());
            Map<Channel, Long> lags = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        client.listConsumerGroupOffsets(channel.listenerId())
                                .partitionsToOffsetAndMetadata()
                                .get(timeout, TimeUnit.MILLISECONDS);
                boolean any = partitions.stream().anyMatch(p -> committed.get(p) != null);
                if (!any) {
                    continue;
                }
                long lag = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata read = committed.get(partition);
                    long position =
                            read == null ? earliest.getOrDefault(partition, 0L) : read.offset();
                    lag += Math.max(0, latest.getOrDefault(partition, 0L) - position);
                }
                lags.put(channel, lag);
            }
            return Collections.unmodifiableMap(lags);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            log.warn("Could not read the channels' consumer lag: {}", e.toString());
            return Map.of();
        }
    }

    private Map<TopicPartition, Long> offsets(
            Admin client, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, ListOffsetsResultInfo> answers =
                client.listOffsets(
                                partitions.stream()
                                        .collect(Collectors.toMap(Function.identity(), p -> spec)))
                        .all()
                        .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return answers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
