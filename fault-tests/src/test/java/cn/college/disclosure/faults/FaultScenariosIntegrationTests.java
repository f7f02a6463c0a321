package cn.college.disclosure.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WireTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault scenarios on one running stack with fast WeChat publish jobs (the fake's default): each
 * approves 100 fresh items at a steady pace while its fault happens, then counts what the outside
 * world shows. The scenario with slow publish jobs needs a stack of its own ({@link
 * SlowPublishJobsFaultIntegrationTests}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIntegrationTests {

    private static final int APPROVALS = 100;
    private static final Duration OUTAGE_HALF = Duration.ofSeconds(30);

    private static FaultStack stack;

    @BeforeAll
    static void startStack() {
        stack = new FaultStack("fast-publish-jobs", Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void brokerKilledDuringApprovalsAndRestartedAfter15Seconds() {
        // as in the run that found a delivery stuck PENDING: in the middle of 150 approvals
        FaultScenario.on(stack, "broker kill -9 mid-approvals, restart after 15 s", "BRK")
                .approvals(150, Duration.ofMillis(300))
                .at(Duration.ofSeconds(25), "kill -9 Kafka", stack::killKafka)
                .at(Duration.ofSeconds(40), "restart Kafka", stack::startKafka)
                .run();
    }

    @Test
    @Order(2)
    void eachChannelKilledDuringApprovalsAndRestarted() {
        FaultScenario scenario =
                FaultScenario.on(stack, "each channel kill -9, restart", "CHK")
                        .approvals(APPROVALS, Duration.ofMillis(400));
        int second = 4;
        for (String channel : FaultScenario.CHANNELS) {
            String module = FaultStack.MODULES.get(channel);
            scenario.at(Duration.ofSeconds(second), "kill -9 " + module, () -> stack.kill(module))
                    .at(
                            Duration.ofSeconds(second + 5),
                            "restart " + module,
                            () -> stack.restart(module));
            second += 8;
        }
        scenario.run();
    }

    @Test
    @Order(3)
    void coreKilledDuringApprovalsAndRestarted() {
        FaultScenario.on(stack, "publisher-core kill -9, restart", "CORE")
                .approvals(APPROVALS, Duration.ofMillis(300))
                .at(
                        Duration.ofSeconds(8),
                        "kill -9 publisher-core",
                        () -> stack.kill("publisher-core"))
                .at(
                        Duration.ofSeconds(10),
                        "restart publisher-core",
                        () -> stack.restart("publisher-core"))
                .run();
    }

    @Test
    @Order(4)
    void weChatRefusesConnectionsThenNeverAnswersFor60Seconds() {
        outage(
                "WeChat API outage 60 s (30 s refused, 30 s black hole)",
                "WXO",
                stack.wechatProxy());
    }

    @Test
    @Order(5)
    void campusPlatformRefusesConnectionsThenNeverAnswersFor60Seconds() {
        outage(
                "campus platform outage 60 s (30 s refused, 30 s black hole)",
                "CPO",
                stack.campusProxy());
    }

    private static void outage(String name, String code, FaultProxy proxy) {
        FaultScenario.on(stack, name, code)
                .approvals(APPROVALS, Duration.ofMillis(700))
                .at(Duration.ofSeconds(5), "refuse", () -> proxy.mode(FaultProxy.Mode.REFUSE))
                .at(
                        Duration.ofSeconds(5).plus(OUTAGE_HALF),
                        "black hole",
                        () -> proxy.mode(FaultProxy.Mode.BLACKHOLE))
                .at(Duration.ofSeconds(5).plus(OUTAGE_HALF).plus(OUTAGE_HALF), "heal", proxy::heal)
                .settleWithin(Duration.ofMinutes(4))
                .run();
    }

    @Test
    @Order(6)
    void answersDroppedAfterTheProvidersAppliedThemWithFastPublishJobs() {
        droppedAnswers(stack, "answers dropped (submit, webhook), fast publish jobs", "DRF");
    }

    /**
     * Every third answer to {@code freepublish/submit} and to the campus webhook is lost after the
     * provider applied the request, for the whole time of the approvals.
     */
    static void droppedAnswers(FaultStack on, String name, String code) {
        FaultScenario.on(on, name, code)
                .approvals(APPROVALS, Duration.ofMillis(300))
                .at(
                        Duration.ZERO,
                        "drop every 3rd answer",
                        () -> {
                            on.wechatProxy().dropAnswers("/cgi-bin/freepublish/submit", 3);
                            on.campusProxy().dropAnswers("/campus/webhooks/notices", 3);
                        })
                .at(
                        Duration.ofSeconds(45),
                        "heal",
                        () -> {
                            on.wechatProxy().heal();
                            on.campusProxy().heal();
                        })
                .check(
                        () ->
                                on.wechatProxy().droppedAnswers() == 0
                                                || on.campusProxy().droppedAnswers() == 0
                                        ? "no answer was dropped (wechat %d, campus %d)"
                                                .formatted(
                                                        on.wechatProxy().droppedAnswers(),
                                                        on.campusProxy().droppedAnswers())
                                        : "")
                .settleWithin(Duration.ofMinutes(4))
                .run();
    }

    @Test
    @Order(7)
    void consumerGroupsResetToTheEarliestOffsetReplayNothingTwice() {
        FaultScenario.on(stack, "consumer groups reset to earliest, replay", "RST")
                .approvals(APPROVALS, Duration.ofMillis(300))
                .at(
                        Duration.ofSeconds(3),
                        "stop the channels, reset their groups to earliest, restart",
                        () -> {
                            List<String> modules = List.copyOf(FaultStack.MODULES.values());
                            modules.forEach(m -> stack.service(m).requestStop());
                            modules.forEach(
                                    m -> stack.service(m).awaitStopped(Duration.ofSeconds(30)));
                            FaultStack.GROUPS.values().forEach(stack::resetToEarliest);
                            modules.forEach(m -> stack.service(m).restart());
                            modules.forEach(
                                    m -> stack.service(m).awaitHealthy(Duration.ofMinutes(4)));
                        })
                .recheckEarlierItems()
                .settleWithin(Duration.ofMinutes(4))
                .run();
    }

    @Test
    @Order(8)
    void poisonRecordsGoToTheDeadLetterTopicAndTheChannelsCarryOn() {
        String marker = UUID.randomUUID().toString();
        FaultScenario.on(stack, "poison records (not JSON, unknown type)", "PSN")
                .approvals(APPROVALS, Duration.ofMillis(300))
                .at(Duration.ofSeconds(6), "send two poison records", () -> sendPoison(marker))
                .check(() -> deadLettered(marker))
                .run();
    }

    @Test
    @Order(9)
    void postgresRestartedDuringApprovals() {
        FaultScenario.on(stack, "PostgreSQL restart (down 10 s)", "PG")
                .approvals(APPROVALS, Duration.ofMillis(300))
                .at(Duration.ofSeconds(8), "stop PostgreSQL", stack::stopPostgres)
                .at(Duration.ofSeconds(18), "start PostgreSQL", stack::startPostgres)
                .run();
    }

    /**
     * Two records keyed by an approved item's id: bytes that are not JSON under the request's type
     * id, and JSON under a type id no channel knows.
     */
    private static void sendPoison(String marker) {
        List<FaultScenario.Approved> approved = stack.approved();
        String key = approved.get(approved.size() - 1).id();
        Map<String, Object> settings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> notJson =
                    new ProducerRecord<>(
                            Topics.PUBLICATIONS,
                            key,
                            new byte[] {(byte) 0xff, (byte) 0xfe, 'n', 'o', 't', ' ', '{', 0});
            notJson.headers().add("__TypeId__", bytes(WireTypes.PUBLICATION_REQUESTED));
            notJson.headers().add("fault-poison", bytes(marker + "/not-json"));
            ProducerRecord<String, byte[]> unknownType =
                    new ProducerRecord<>(
                            Topics.PUBLICATIONS,
                            key,
                            bytes(
                                    """
                                    {"eventId":"%s","itemId":"%s","version":1,"archivedAt":"2026-01-01T00:00:00Z"}
                                    """
                                            .formatted(UUID.randomUUID(), key)));
            unknownType.headers().add("__TypeId__", bytes("publication-archived.v1"));
            unknownType.headers().add("fault-poison", bytes(marker + "/unknown-type"));
            producer.send(notJson).get();
            producer.send(unknownType).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("poison not sent", e);
        }
    }

    /** "" when every channel's group put both poison records on the dead-letter topic. */
    private static String deadLettered(String marker) {
        Set<String> expected = new HashSet<>();
        for (String group : FaultStack.GROUPS.values()) {
            expected.add(group + " " + marker + "/not-json");
            expected.add(group + " " + marker + "/unknown-type");
        }
        Set<String> found = new HashSet<>();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(3))
                    .until(
                            () -> {
                                found.clear();
                                found.addAll(deadLetters(marker));
                                return found.containsAll(expected);
                            });
            return "";
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Set<String> absent = new HashSet<>(expected);
            absent.removeAll(found);
            return "not on " + Topics.PUBLICATIONS_DEAD_LETTER + ": " + absent;
        }
    }

    private static List<String> deadLetters(String marker) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.PUBLICATIONS_DEAD_LETTER).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    Header poison = record.headers().lastHeader("fault-poison");
                    Header group = record.headers().lastHeader("kafka_dlt-original-consumer-group");
                    if (poison != null && group != null) {
                        String which = new String(poison.value(), StandardCharsets.UTF_8);
                        if (which.startsWith(marker)) {
                            found.add(
                                    new String(group.value(), StandardCharsets.UTF_8)
                                            + " "
                                            + which);
                        }
                    }
                }
            }
        }
        assertThat(found).isNotNull();
        return found;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
