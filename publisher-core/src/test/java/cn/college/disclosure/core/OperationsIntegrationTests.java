package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ChannelStatusReported;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.RepairAction;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WireTypes;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The operator board and the repairs, against the real broker and database. */
class OperationsIntegrationTests extends PublisherCoreIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired KafkaTemplate<String, Object> kafka;

    @Test
    void showsAChannelUpAfterAStatusReportAndDownOnceItStopsReporting() throws Exception {
        assertThat(card(Channel.LED_SCREEN).get("connected").asBoolean()).isFalse();
        // the database keeps microseconds
        Instant resumes = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        ChannelStatusReported report =
                new ChannelStatusReported(
                        UUID.randomUUID(),
                        Channel.WECHAT,
                        "wechat-test-1",
                        Instant.now(),
                        true,
                        true,
                        "45009 reach max api daily quota limit",
                        resumes,
                        "CLOSED",
                        null);
        kafka.send(Topics.CHANNEL_STATUS, report.key(), report).get();

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            JsonNode card = card(Channel.WECHAT);
                            assertThat(card.get("connected").asBoolean()).isTrue();
                            assertThat(card.get("up").asBoolean()).isTrue();
                            assertThat(card.get("pausedReason").asString())
                                    .isEqualTo("45009 reach max api daily quota limit");
                            assertThat(Instant.parse(card.get("resumesAt").asString()))
                                    .isEqualTo(resumes);
                            assertThat(card.get("circuitBreaker").asString()).isEqualTo("CLOSED");
                        });
        // status-stale-after is 4 s in the tests
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            JsonNode card = card(Channel.WECHAT);
                            assertThat(card.get("up").asBoolean()).isFalse();
                            assertThat(card.get("connected").asBoolean()).isTrue();
                        });
    }

    @Test
    void computesTheConsumerLagOfAChannelGroupWithUnreadRecords() throws Exception {
        UUID itemId = UUID.randomUUID();
        kafka.send(Topics.PUBLICATIONS, itemId.toString(), repairEvent(itemId)).get();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers()))) {
            Map<TopicPartition, OffsetAndMetadata> atStart = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                atStart.put(
                        new TopicPartition(Topics.PUBLICATIONS, partition),
                        new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(Channel.CAMPUS_PLATFORM.listenerId(), atStart)
                    .all()
                    .get();
        }

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            JsonNode lag = card(Channel.CAMPUS_PLATFORM).get("consumerLag");
                            assertThat(lag.isNumber()).isTrue();
                            assertThat(lag.asLong())
                                    .isPositive()
                                    .isEqualTo(endOffsetsOfPublications());
                        });
    }

    @Test
    void listsADeadLetteredRecordAndRetriesItThroughTheChannelOnce() throws Exception {
        UUID itemId = UUID.randomUUID();
        deadLetter(itemId, "channel-wechat", "公众号接口超时");

        await().atMost(PATIENCE).until(() -> deadLetterOf(itemId) != null);
        JsonNode failure = deadLetterOf(itemId);
        assertThat(failure.get("version").asInt()).isEqualTo(1);
        assertThat(failure.get("reason").asString()).isEqualTo("公众号接口超时");
        assertThat(failure.get("status").asString()).isEqualTo("FAILED");
        assertThat(failure.get("deadLetterId").asString())
                .startsWith(Topics.PUBLICATIONS_DEAD_LETTER);

        assertThat(post(repairPath(itemId, 1, Channel.WECHAT, "retry"), "operator", null).status())
                .isEqualTo(202);

        assertThat(deadLetterOf(itemId)).isNull();
        await().atMost(PATIENCE).until(() -> repairsOnTopic(itemId).size() == 1);
        assertThat(repairsOnTopic(itemId))
                .singleElement()
                .satisfies(
                        repair -> {
                            assertThat(repair.action()).isEqualTo(RepairAction.RETRY);
                            assertThat(repair.channel()).isEqualTo(Channel.WECHAT);
                            assertThat(repair.requestedBy()).isEqualTo("operator");
                        });
    }

    @Test
    void aDeliveryBothFailedAndDeadLetteredIsListedOnce() throws Exception {
        UUID itemId = approvedOn("WECHAT");
        report(itemId, Channel.WECHAT, DeliveryStatus.FAILED, "公众号接口超时");
        deadLetter(itemId, "channel-wechat", "公众号接口超时");

        await().atMost(PATIENCE)
                .until(
                        () -> failureOf(itemId, Channel.WECHAT, "LEDGER"),
                        failure -> failure != null && failure.hasNonNull("deadLetterId"));
        assertThat(failureOf(itemId, Channel.WECHAT, "DEAD_LETTER")).isNull();
    }

    @Test
    void aRetryOfAFailedDeliveryLeavesThroughTheOutboxAndReachesTheTopicOnce() throws Exception {
        UUID itemId = approvedOn("WEBSITE");
        report(itemId, Channel.WEBSITE, DeliveryStatus.FAILED, "磁盘已满");
        await().atMost(PATIENCE).until(() -> failureOf(itemId, Channel.WEBSITE, "LEDGER") != null);
        assertThat(failureOf(itemId, Channel.WEBSITE, "LEDGER").get("reason").asString())
                .isEqualTo("磁盘已满");

        Response accepted = post(repairPath(itemId, 1, Channel.WEBSITE, "retry"), "operator", null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("action").asString()).isEqualTo("RETRY");
        assertThat(
                        jdbc.sql(
                                        "select count(*) from outbox where message_key = ? and"
                                                + " event_type = ?")
                                .params(itemId.toString(), WireTypes.DELIVERY_REPAIR_REQUESTED)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
        await().atMost(PATIENCE)
                .until(
                        () ->
                                jdbc.sql(
                                                        "select count(*) from outbox where message_key = ?"
                                                                + " and sent_at is null")
                                                .param(itemId.toString())
                                                .query(Long.class)
                                                .single()
                                        == 0);
        assertThat(repairsOnTopic(itemId))
                .singleElement()
                .satisfies(
                        repair -> {
                            assertThat(repair.version()).isEqualTo(1);
                            assertThat(repair.channel()).isEqualTo(Channel.WEBSITE);
                            assertThat(repair.action()).isEqualTo(RepairAction.RETRY);
                        });
    }

    @Test
    void refusesToRetryADeliveredDeliveryAndToDecideOnASettledOne() throws Exception {
        UUID itemId = approvedOn("WEBSITE");
        report(itemId, Channel.WEBSITE, DeliveryStatus.DELIVERED, null);
        await().atMost(PATIENCE)
                .until(
                        () ->
                                jdbc.sql(
                                                "select status from delivery where item_id = ? and"
                                                        + " channel = 'WEBSITE'")
                                        .param(itemId)
                                        .query(String.class)
                                        .single()
                                        .equals("DELIVERED"));

        Response retry = post(repairPath(itemId, 1, Channel.WEBSITE, "retry"), "operator", null);
        Response decide =
                post(
                        repairPath(itemId, 1, Channel.WEBSITE, "resolve"),
                        "admin",
                        Map.of("outcome", "FAILED", "note", "x"));
        Response unknown =
                post(repairPath(UUID.randomUUID(), 1, Channel.WEBSITE, "retry"), "operator", null);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.contentType()).isEqualTo("application/problem+json");
        assertThat(retry.body().get("detail").asString()).contains("当前的状态不允许");
        assertThat(decide.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(
                        jdbc.sql("select count(*) from delivery_repair where item_id = ?")
                                .param(itemId)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void markingAnUnconfirmedDeliveryDeliveredRecordsWhoDecided() throws Exception {
        UUID itemId = approvedOn("WECHAT");
        report(itemId, Channel.WECHAT, DeliveryStatus.UNCONFIRMED, "读取超时");
        await().atMost(PATIENCE).until(() -> failureOf(itemId, Channel.WECHAT, "LEDGER") != null);

        Response accepted =
                post(
                        repairPath(itemId, 1, Channel.WECHAT, "resolve"),
                        "operator",
                        Map.of("outcome", "DELIVERED", "note", "后台已确认发布"));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("action").asString()).isEqualTo("RESOLVE_DELIVERED");
        Map<String, Object> row =
                jdbc.sql(
                                "select resolved_by, resolution_note, resolved_at from delivery"
                                        + " where item_id = ? and channel = 'WECHAT'")
                        .param(itemId)
                        .query()
                        .singleRow();
        assertThat(row.get("resolved_by")).isEqualTo("operator");
        assertThat(row.get("resolution_note")).isEqualTo("后台已确认发布");
        assertThat(row.get("resolved_at")).isNotNull();
        await().atMost(PATIENCE).until(() -> repairsOnTopic(itemId).size() == 1);
        assertThat(repairsOnTopic(itemId).get(0).note()).isEqualTo("后台已确认发布");
    }

    @Test
    void onlyOperatorsAndAdminsReachTheOperationsApi() {
        assertThat(get("/api/operations/channels", "liaison").status()).isEqualTo(403);
        assertThat(get("/api/operations/failures", "reporter").status()).isEqualTo(403);
        assertThat(
                        post(
                                        repairPath(UUID.randomUUID(), 1, Channel.WEBSITE, "retry"),
                                        "liaison",
                                        null)
                                .status())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/operations/channels", null, null).status())
                .isEqualTo(401);
        Response board = get("/api/operations/channels", "admin");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).hasSize(4);
        assertThat(board.body().get(0).get("counts").get("DELIVERED").isNumber()).isTrue();
    }

    private UUID approvedOn(String channel) {
        String id =
                draft(Map.of("title", "运维测试", "body", "<p>x</p>", "channels", List.of(channel)));
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        return UUID.fromString(id);
    }

    private void report(
            UUID itemId, Channel channel, DeliveryStatus status, @Nullable String detail)
            throws Exception {
        DeliveryReported report =
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        Instant.now(),
                        channel,
                        status,
                        null,
                        3,
                        detail);
        kafka.send(Topics.DELIVERY_REPORTS, itemId.toString(), report).get();
    }

    /** A record of the item's version 1 as the channel's error handler dead-letters it. */
    private void deadLetter(UUID itemId, String group, String reason) throws Exception {
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", servers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(
                            Topics.PUBLICATIONS_DEAD_LETTER,
                            itemId.toString(),
                            ("{\"eventId\":\""
                                            + UUID.randomUUID()
                                            + "\",\"itemId\":\""
                                            + itemId
                                            + "\",\"version\":1}")
                                    .getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add("kafka_dlt-original-consumer-group", bytes(group))
                    .add("kafka_dlt-exception-message", bytes(reason))
                    .add("__TypeId__", bytes(WireTypes.PUBLICATION_REQUESTED));
            raw.send(record).get();
        }
    }

    private JsonNode card(Channel channel) {
        Response board = get("/api/operations/channels", "operator");
        assertThat(board.status()).isEqualTo(200);
        for (JsonNode card : board.body()) {
            if (card.get("channel").asString().equals(channel.name())) {
                return card;
            }
        }
        throw new AssertionError("No card for " + channel + ": " + board.body());
    }

    private @Nullable JsonNode failureOf(UUID itemId, Channel channel, String source) {
        for (JsonNode failure : get("/api/operations/failures", "operator").body()) {
            if (failure.get("itemId").asString().equals(itemId.toString())
                    && failure.get("channel").asString().equals(channel.name())
                    && failure.get("source").asString().equals(source)) {
                return failure;
            }
        }
        return null;
    }

    private @Nullable JsonNode deadLetterOf(UUID itemId) {
        return failureOf(itemId, Channel.WECHAT, "DEAD_LETTER");
    }

    private static String repairPath(UUID itemId, int version, Channel channel, String action) {
        return "/api/operations/deliveries/%s/%d/%s/%s".formatted(itemId, version, channel, action);
    }

    private static DeliveryRepairRequested repairEvent(UUID itemId) {
        return new DeliveryRepairRequested(
                UUID.randomUUID(),
                itemId,
                1,
                Instant.now(),
                Channel.LED_SCREEN,
                RepairAction.RECONCILE,
                "lag-test",
                null);
    }

    /** Every repair command on the publications topic for the item, read from the beginning. */
    private List<DeliveryRepairRequested> repairsOnTopic(UUID itemId) {
        return TopicRecorder.snapshot(servers(), Topics.PUBLICATIONS).stream()
                .filter(record -> itemId.toString().equals(record.key()))
                .map(ConsumerRecord::value)
                .filter(DeliveryRepairRequested.class::isInstance)
                .map(DeliveryRepairRequested.class::cast)
                .toList();
    }

    private long endOffsetsOfPublications() {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers()),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.PUBLICATIONS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .collect(Collectors.toList());
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static String servers() {
        return System.getProperty("spring.kafka.bootstrap-servers");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
