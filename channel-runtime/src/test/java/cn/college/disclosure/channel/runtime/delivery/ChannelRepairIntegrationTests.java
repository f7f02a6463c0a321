package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ChannelStatusReported;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.RepairAction;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Operators' repairs and the status feed against a real broker and database, with the scripted
 * LED-screen adapter (same context as {@link ChannelRuntimeIntegrationTests}).
 */
@PipelineInfrastructure
@SpringBootTest(classes = RuntimeTestApplication.class)
class ChannelRepairIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DeliveryReports reports;
    private static TopicRecorder<ChannelStatusReported> statuses;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired ScriptedAdapter adapter;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void recordTopics() {
        String servers = System.getProperty("spring.kafka.bootstrap-servers");
        reports = DeliveryReports.record(servers);
        statuses = TopicRecorder.events(servers, Topics.CHANNEL_STATUS);
    }

    @AfterAll
    static void stopRecording() {
        reports.close();
        statuses.close();
    }

    @Test
    void aRetryOfAFailedDeliveryDeliversItOnceAndASecondRetryOnlyReportsIt() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.FAIL_TRANSIENTLY);
        send(request(itemId));
        await().atMost(PATIENCE).until(() -> statuses(itemId).contains(DeliveryStatus.FAILED));
        int failedPushes = adapter.publishes(itemId);
        adapter.script(itemId, ScriptedAdapter.Script.DELIVER);

        send(repair(itemId, RepairAction.RETRY, null));

        await().atMost(PATIENCE).until(() -> statuses(itemId).contains(DeliveryStatus.DELIVERED));
        assertThat(adapter.publishes(itemId)).isEqualTo(failedPushes + 1);

        send(repair(itemId, RepairAction.RETRY, null));

        await().atMost(PATIENCE)
                .until(
                        () ->
                                statuses(itemId).stream()
                                                .filter(s -> s == DeliveryStatus.DELIVERED)
                                                .count()
                                        == 2);
        assertThat(adapter.publishes(itemId)).isEqualTo(failedPushes + 1);
    }

    @Test
    void markingAPendingDeliveryDeliveredRecordsWhoDecided() throws Exception {
        UUID itemId = UUID.randomUUID();
        adapter.script(itemId, ScriptedAdapter.Script.ACCEPT_AND_CONFIRM_LATER);
        send(request(itemId));
        await().atMost(PATIENCE).until(() -> statuses(itemId).contains(DeliveryStatus.PENDING));

        send(repair(itemId, RepairAction.RESOLVE_DELIVERED, "屏幕已显示"));

        await().atMost(PATIENCE)
                .untilAsserted(
                        () ->
                                assertThat(reports.of(itemId))
                                        .filteredOn(r -> r.status() == DeliveryStatus.DELIVERED)
                                        .singleElement()
                                        .extracting(DeliveryReported::detail)
                                        .isEqualTo("marked delivered by operator: 屏幕已显示"));
        assertThat(
                        jdbc.sql(
                                        "select resolved_by from delivery where item_id = ? and version = 1")
                                .param(itemId)
                                .query(String.class)
                                .single())
                .isEqualTo("operator");
        assertThat(adapter.publishes(itemId)).isEqualTo(1);
    }

    @Test
    void reportsTheChannelsStatusEveryFewHundredMilliseconds() {
        await().atMost(PATIENCE)
                .untilAsserted(
                        () ->
                                assertThat(statuses.records())
                                        .filteredOn(r -> r.key().equals("LED_SCREEN/runtime-test"))
                                        .filteredOn(r -> r.value().up())
                                        .hasSizeGreaterThanOrEqualTo(2));
        List<ChannelStatusReported> ours =
                statuses.records().stream()
                        .filter(r -> r.key().equals("LED_SCREEN/runtime-test"))
                        .map(r -> r.value())
                        .toList();
        ChannelStatusReported latest = ours.get(ours.size() - 1);
        assertThat(latest.channel()).isEqualTo(Channel.LED_SCREEN);
        assertThat(latest.paused()).isFalse();
        assertThat(latest.circuitBreaker()).isNull();
    }

    private List<DeliveryStatus> statuses(UUID itemId) {
        return reports.of(itemId).stream()
                .filter(r -> r.channel() == Channel.LED_SCREEN)
                .map(DeliveryReported::status)
                .toList();
    }

    private static PublicationRequested request(UUID itemId) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                1,
                Instant.now(),
                fixture.title(),
                fixture.summary(),
                fixture.bodyHtml(),
                Set.of(Channel.LED_SCREEN),
                fixture.catalogueItem(),
                fixture.department(),
                fixture.canonicalUrl(),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }

    private static DeliveryRepairRequested repair(UUID itemId, RepairAction action, String note) {
        return new DeliveryRepairRequested(
                UUID.randomUUID(),
                itemId,
                1,
                Instant.now(),
                Channel.LED_SCREEN,
                action,
                "operator",
                note);
    }

    private void send(PublicationEvent event) throws Exception {
        kafka.send(Topics.PUBLICATIONS, event.itemId().toString(), event).get();
    }
}
