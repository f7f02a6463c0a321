package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WireTypes;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

/** The runtime against a real broker and database, with a scripted LED-screen adapter. */
@PipelineInfrastructure
@SpringBootTest(classes = RuntimeTestApplication.class)
class ChannelRuntimeIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DeliveryReports reports;
    private static TopicRecorder<byte[]> deadLetters;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired ScriptedAdapter adapter;
    @Autowired StaleAttemptReconciler reconciler;
    @Autowired FlakyKafkaTemplate flaky;
    @Autowired AsynchronousOutcomes outcomes;

    @BeforeAll
    static void recordTopics() {
        String servers = System.getProperty("spring.kafka.bootstrap-servers");
        reports = DeliveryReports.record(servers);
        deadLetters = TopicRecorder.raw(servers, Topics.PUBLICATIONS_DEAD_LETTER);
    }

    @AfterAll
    static void stopRecording() {
        reports.close();
        deadLetters.close();
    }

    @Test
    void publishesOnceWhenTheSameEventArrivesTwice() throws Exception {
        PublicationRequested request = request(UUID.randomUUID(), Set.of(Channel.LED_SCREEN));

        send(request);
        send(request);
        // a later item on the same key proves both copies were consumed
        PublicationRequested marker = request(request.itemId(), Set.of(Channel.WECHAT), 3);
        send(marker);

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(request.itemId()).contains(DeliveryStatus.SKIPPED));
        assertThat(adapter.publishes(request.itemId())).isEqualTo(1);
        assertThat(reports.of(request.itemId()))
                .filteredOn(report -> report.status() == DeliveryStatus.DELIVERED)
                .singleElement()
                .satisfies(
                        report -> {
                            assertThat(report.channel()).isEqualTo(Channel.LED_SCREEN);
                            assertThat(report.attempt()).isEqualTo(1);
                            assertThat(report.externalUrl())
                                    .hasToString("led://screen-1/" + request.itemId());
                        });
    }

    @Test
    void sendsUnreadableRecordsToTheDeadLetterTopicAndKeepsGoing() throws Exception {
        String garbageKey = UUID.randomUUID().toString();
        String unknownTypeKey = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            ProducerRecord<String, byte[]> garbage =
                    new ProducerRecord<>(
                            Topics.PUBLICATIONS, garbageKey, new byte[] {0x00, 0x13, 0x7b});
            garbage.headers()
                    .add(
                            "__TypeId__",
                            WireTypes.PUBLICATION_REQUESTED.getBytes(StandardCharsets.UTF_8));
            ProducerRecord<String, byte[]> unknownType =
                    new ProducerRecord<>(
                            Topics.PUBLICATIONS,
                            unknownTypeKey,
                            "{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            unknownType
                    .headers()
                    .add("__TypeId__", "item-exploded.v9".getBytes(StandardCharsets.UTF_8));
            raw.send(garbage).get();
            raw.send(unknownType).get();
        }
        PublicationRequested valid = request(UUID.randomUUID(), Set.of(Channel.LED_SCREEN));
        send(valid);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            assertThat(deadLetters.records())
                                    .extracting(r -> r.key())
                                    .contains(garbageKey, unknownTypeKey);
                            assertThat(reports.statuses(valid.itemId()))
                                    .contains(DeliveryStatus.DELIVERED);
                        });
        assertThat(deadLetters.records())
                .filteredOn(r -> garbageKey.equals(r.key()))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.value()).containsExactly(0x00, 0x13, 0x7b);
                            assertThat(
                                            new String(
                                                    r.headers()
                                                            .lastHeader(
                                                                    "kafka_dlt-original-consumer-group")
                                                            .value(),
                                                    StandardCharsets.UTF_8))
                                    .isEqualTo(Channel.LED_SCREEN.listenerId());
                        });
    }

    @Test
    void anOutageLongerThanTheOldSixTriesEndsDeliveredNeverFailed() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.DOWN_FOR_A_WHILE);

        send(request(itemId, Set.of(Channel.LED_SCREEN)));

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.DELIVERED));
        assertThat(adapter.publishes(itemId)).isEqualTo(ScriptedAdapter.DOWN_FOR + 1);
        assertThat(reports.statuses(itemId))
                .doesNotContain(DeliveryStatus.FAILED)
                .containsOnly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED)
                .last()
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(reports.of(itemId).get(0).detail())
                .contains("try 1 failed")
                .contains("retried until")
                .contains("connection refused");
        assertThat(deadLetters.keyed(itemId)).isEmpty();
    }

    @Test
    void failsWithTheReasonAndDeadLettersTheRecordWhenTheRetryHorizonRunsOut() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.FAIL_TRANSIENTLY);
        Instant sent = Instant.now();

        send(request(itemId, Set.of(Channel.LED_SCREEN)));

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            assertThat(reports.statuses(itemId))
                                    .last()
                                    .isEqualTo(DeliveryStatus.FAILED);
                            assertThat(deadLetters.keyed(itemId)).hasSize(1);
                        });
        DeliveryReported failed = reports.of(itemId).get(reports.of(itemId).size() - 1);
        assertThat(failed.detail())
                .contains("retry horizon of PT10S ran out")
                .contains("screen controller busy");
        assertThat(failed.occurredAt()).isAfterOrEqualTo(sent.plusSeconds(10));
        assertThat(reports.statuses(itemId).subList(0, reports.statuses(itemId).size() - 1))
                .isNotEmpty()
                .containsOnly(DeliveryStatus.RETRYING);
        assertThat(adapter.publishes(itemId)).isGreaterThan(6);
    }

    @Test
    void aPauseSpendsNoTryButTheHorizonKeepsCountingWhileTheProviderIsAway() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.PARK_FOR_EVER);

        send(request(itemId, Set.of(Channel.LED_SCREEN)));

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> {
                            assertThat(reports.statuses(itemId))
                                    .last()
                                    .isEqualTo(DeliveryStatus.FAILED);
                            assertThat(deadLetters.keyed(itemId)).hasSize(1);
                        });
        assertThat(reports.of(itemId).get(0).status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(reports.of(itemId).get(0).detail()).contains("paused until");
        assertThat(reports.of(itemId).get(reports.of(itemId).size() - 1).detail())
                .contains("retry horizon of PT10S ran out")
                .contains("circuit breaker screen-api is OPEN");
    }

    @Test
    void aRefusalFailsAtOnceWithoutRetryOrDeadLetter() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.REFUSE);

        send(request(itemId, Set.of(Channel.LED_SCREEN)));

        DeliveryReported failed = reports.await(itemId, 1, DeliveryStatus.FAILED);
        assertThat(failed.detail()).contains("refused by the controller");
        assertThat(reports.statuses(itemId)).containsExactly(DeliveryStatus.FAILED);
        assertThat(adapter.publishes(itemId)).isEqualTo(1);
        assertThat(deadLetters.keyed(itemId)).isEmpty();
    }

    @Test
    void carriesTheWarningsOfADeliveryInEveryReportOfIt() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.DELIVER_WITH_WARNING);
        PublicationRequested request = request(itemId, Set.of(Channel.LED_SCREEN));

        send(request);
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        // the core asks again (a replay, a new approval event): re-reported from the ledger
        send(ContractFixtures.withNewEventId(request));

        await().atMost(PATIENCE).until(() -> reports.count(itemId, DeliveryStatus.DELIVERED) == 2);
        assertThat(reports.of(itemId))
                .allSatisfy(
                        report ->
                                assertThat(report.warnings())
                                        .containsExactly(ScriptedAdapter.WARNING));
        assertThat(adapter.publishes(itemId)).isEqualTo(1);
    }

    @Test
    void sendsTheReportOfAnAsynchronousOutcomeOnceTheBrokerIsBack() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.ACCEPT_AND_CONFIRM_LATER);
        send(request(itemId, Set.of(Channel.LED_SCREEN)));
        reports.await(itemId, 1, DeliveryStatus.PENDING);

        // the screen acknowledges while the broker is away: the report of DELIVERED is lost
        flaky.loseReports(itemId, 2);
        boolean changed =
                outcomes.arrived(
                        itemId,
                        1,
                        DeliveryOutcome.delivered(
                                java.net.URI.create("led://screen-1/" + itemId), "screen-1"));

        assertThat(changed).isTrue();
        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.externalUrl()).hasToString("led://screen-1/" + itemId);
        assertThat(flaky.lost(itemId)).isEqualTo(2);
        assertThat(adapter.publishes(itemId)).isEqualTo(1);
    }

    @Test
    void reportsSkippedForAnItemNotTargetedAtTheChannel() throws Exception {
        PublicationRequested wechatOnly = request(UUID.randomUUID(), Set.of(Channel.WECHAT));

        send(wechatOnly);

        await().atMost(PATIENCE)
                .until(
                        () ->
                                reports.statuses(wechatOnly.itemId())
                                        .contains(DeliveryStatus.SKIPPED));
        assertThat(adapter.publishes(wechatOnly.itemId())).isZero();
        assertThat(reports.of(wechatOnly.itemId()).get(0).channel()).isEqualTo(Channel.LED_SCREEN);
    }

    @Test
    void confirmsAPendingDeliveryWhenTheReconcilerAsksTheProvider() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.ACCEPT_AND_CONFIRM_LATER);

        send(request(itemId, Set.of(Channel.LED_SCREEN)));
        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.PENDING));
        reconciler.reconcileStale();

        await().atMost(PATIENCE)
                .until(
                        () ->
                                reports.statuses(itemId)
                                        .equals(
                                                java.util.List.of(
                                                        DeliveryStatus.PENDING,
                                                        DeliveryStatus.DELIVERED)));
        assertThat(adapter.publishes(itemId)).isEqualTo(1);
    }

    private void send(PublicationRequested request) throws Exception {
        kafka.send(Topics.PUBLICATIONS, request.itemId().toString(), request).get();
    }

    private static PublicationRequested request(UUID itemId, Set<Channel> channels) {
        return request(itemId, channels, 1);
    }

    private static PublicationRequested request(UUID itemId, Set<Channel> channels, int version) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                fixture.title(),
                fixture.summary(),
                fixture.bodyHtml(),
                channels,
                fixture.catalogueItem(),
                fixture.department(),
                fixture.canonicalUrl(),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        System.getProperty("spring.kafka.bootstrap-servers")),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
