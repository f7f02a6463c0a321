package cn.college.disclosure.channel.campusplatform;

import static cn.college.disclosure.channel.campusplatform.ChannelTestSupport.PATIENCE;
import static cn.college.disclosure.channel.campusplatform.ChannelTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.channel.runtime.ChannelParking;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.fakes.OutsideWorldFakesApplication;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook adapter against a real broker and database and the fake campus platform
 * (outside-world-fakes, in-process on a random port): Kafka in, signed notices and reports out.
 * Breaker windows and waits are short (a 1 s wait in the open state); the outage lasts the minute
 * the issue names.
 */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.max-attempts=5",
            "channel.runtime.reconciler.enabled=false",
            "channel.runtime.parking.check-interval=100ms",
            "channel.campus-platform.webhook.read-timeout=3s",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=5",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3",
            "resilience4j.circuitbreaker.configs.default.failure-rate-threshold=60",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s"
        })
// the WeCom test context uses the same consumer group: only one may be alive
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CampusPlatformChannelIntegrationTests {

    private static ConfigurableApplicationContext fakes;
    private static String fake;
    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired ChannelParking parking;
    @Autowired CircuitBreakerRegistry breakers;

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry registry) {
        if (fakes == null) {
            fakes = OutsideWorldFakesApplication.start("--server.port=0");
            fake = "http://localhost:" + fakes.getEnvironment().getProperty("local.server.port");
        }
        registry.add(
                "channel.campus-platform.webhook.url", () -> fake + "/campus/webhooks/notices");
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stop() {
        reports.close();
        if (fakes != null) {
            fakes.close();
            fakes = null;
        }
    }

    @Test
    void deliversASignedNoticeAndReportsItsUrl() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "2024年招生章程"));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        JsonNode notice = notice(itemId);
        assertThat(delivered.channel()).isEqualTo(Channel.CAMPUS_PLATFORM);
        assertThat(delivered.externalUrl())
                .hasToString("https://campus.example.edu.cn/notices/notice-" + itemId);
        assertThat(notice.path("title").asString()).isEqualTo("2024年招生章程");
        assertThat(notice.path("url").asString())
                .isEqualTo("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId));
        assertThat(notice.path("department").asString())
                .isEqualTo(ContractFixtures.publicationRequested().department());
        assertThat(notice.path("category").asString()).isNotBlank();
        assertThat(notice.path("signatureValid").asBoolean()).isTrue();
        assertThat(notice.path("types").toString()).isEqualTo("[\"notice.published\"]");
        assertThat(notice.path("webhookIds").get(0).asString()).startsWith("msg_");
    }

    @Test
    void retriesAServerErrorAndLeavesExactlyOneNotice() throws Exception {
        script("{\"times\":1,\"httpStatus\":503,\"body\":\"maintenance\"}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "学生资助政策"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(reports.statuses(itemId)).contains(DeliveryStatus.RETRYING);
        assertThat(notices(itemId)).hasSize(1);
        assertThat(notice(itemId).path("types")).hasSize(1);
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() throws Exception {
        script("{\"times\":1,\"httpStatus\":429,\"retryAfter\":\"2\"}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "收费标准"));

        DeliveryReported retrying = reports.await(itemId, 1, DeliveryStatus.RETRYING);
        assertThat(retrying.detail()).contains("429").contains("Retry-After: 2");
        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(Duration.between(retrying.occurredAt(), delivered.occurredAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        // the 429 and the one try after the pause: no tight loop
        assertThat(messagesFor(notice(itemId).path("webhookIds").get(0).asString())).isEqualTo(2);
    }

    @Test
    void failsOnAClientErrorWithTheStatusAndAnExcerpt() throws Exception {
        script(
                "{\"times\":1,\"httpStatus\":422,\"body\":\"{\\\"error\\\":\\\"unknown department\\\"}\"}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "部门不存在"));

        DeliveryReported failed = reports.await(itemId, 1, DeliveryStatus.FAILED);
        assertThat(failed.detail()).contains("HTTP 422").contains("unknown department");
        assertThat(notices(itemId)).isEmpty();
    }

    @Test
    void failsWhenThePlatformRejectsTheSignature() throws Exception {
        call("PUT", "/secret", "{\"secret\":\"whsec_cm90YXRlZC1ieS10aGUtcGxhdGZvcm0=\"}");
        UUID itemId = UUID.randomUUID();
        try {
            send(request(itemId, 1, "签名错误"));

            DeliveryReported failed = reports.await(itemId, 1, DeliveryStatus.FAILED);
            assertThat(failed.detail()).contains("HTTP 401").contains("no valid v1 signature");
            assertThat(notices(itemId)).isEmpty();
            assertThat(json.readTree(call("GET", "/messages", null)).path("rejected").asInt())
                    .isPositive();
        } finally {
            call(
                    "PUT",
                    "/secret",
                    "{\"secret\":\"whsec_ZGVtby1jYW1wdXMtcGxhdGZvcm0tc2VjcmV0LTMyYg==\"}");
        }
    }

    @Test
    void anAnswerLostAfterTheNoticeWasAppliedLeavesOneNotice() throws Exception {
        script("{\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "财务预算公开"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(notices(itemId)).hasSize(1);
        JsonNode notice = notice(itemId);
        assertThat(notice.path("types")).hasSize(1);
        assertThat(notice.path("duplicatesIgnored").asInt()).isEqualTo(1);
    }

    @Test
    void parksWhileThePlatformIsDownAndDeliversEveryNoticeOnceAfterwards() throws Exception {
        call("PUT", "/outage", "{\"down\":true}");
        List<UUID> items = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                UUID itemId = UUID.randomUUID();
                items.add(itemId);
                send(request(itemId, 1, "停机期间的通知 " + i));
            }

            await().atMost(PATIENCE).until(() -> parking.parked().isPresent());
            assertThat(parking.parked().orElseThrow().reason()).contains("circuit breaker");
            assertThat(breakers.circuitBreaker("campus-platform").getState())
                    .isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
            int requestsBefore = requestsSeen();
            // a minute's outage: parked, then one probe per breaker wait (1 s here); it costs no
            // retries, so no item fails however long the platform is down
            await().during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(10))
                    .until(
                            () ->
                                    items.stream()
                                            .noneMatch(
                                                    item ->
                                                            reports.statuses(item)
                                                                    .contains(
                                                                            DeliveryStatus
                                                                                    .FAILED)));
            // and the platform is not flooded meanwhile: about one probe per breaker wait
            assertThat(requestsSeen() - requestsBefore).isLessThan((int) OUTAGE.toSeconds() * 3);
        } finally {
            call("PUT", "/outage", "{\"down\":false}");
        }

        for (UUID itemId : items) {
            reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        }
        for (UUID itemId : items) {
            assertThat(notices(itemId)).hasSize(1);
            assertThat(notice(itemId).path("types")).hasSize(1);
            assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.FAILED);
        }
        await().atMost(PATIENCE).until(() -> parking.parked().isEmpty());
        assertThat(breakers.circuitBreaker("campus-platform").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void retractsTheNoticeWithASignedRetraction() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "拟撤回通知"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        send(
                new PublicationRetracted(
                        UUID.randomUUID(), itemId, 1, Instant.now(), "内容有误", "admin"));

        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        JsonNode notice = notice(itemId);
        assertThat(notice.path("retracted").asBoolean()).isTrue();
        assertThat(notice.path("retractionReason").asString()).isEqualTo("内容有误");
        assertThat(notice.path("types").toString())
                .isEqualTo("[\"notice.published\",\"notice.retracted\"]");
    }

    @Test
    void sendsANewVersionAsAnUpdateOfTheSameNotice() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "招生计划"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        send(request(itemId, 2, "招生计划(修订)"));

        DeliveryReported second = reports.await(itemId, 2, DeliveryStatus.DELIVERED);
        assertThat(notices(itemId)).hasSize(1);
        JsonNode notice = notice(itemId);
        assertThat(notice.path("version").asInt()).isEqualTo(2);
        assertThat(notice.path("title").asString()).isEqualTo("招生计划(修订)");
        assertThat(notice.path("types").toString())
                .isEqualTo("[\"notice.published\",\"notice.updated\"]");
        assertThat(second.externalUrl())
                .hasToString("https://campus.example.edu.cn/notices/notice-" + itemId);
    }

    // --- helpers ---

    private void send(PublicationEvent event) throws Exception {
        kafka.send(Topics.PUBLICATIONS, event.itemId().toString(), event).get();
    }

    private void script(String body) throws Exception {
        call("POST", "/script", body);
    }

    private List<JsonNode> notices(UUID itemId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : json.readTree(call("GET", "/notices", null))) {
            if (notice.path("itemId").asString().equals(itemId.toString())) {
                found.add(notice);
            }
        }
        return found;
    }

    private JsonNode notice(UUID itemId) throws Exception {
        List<JsonNode> found = notices(itemId);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private int messagesFor(String webhookId) throws Exception {
        int count = 0;
        for (JsonNode message : json.readTree(call("GET", "/messages", null)).path("messages")) {
            if (message.path("webhookId").asString().equals(webhookId)) {
                count++;
            }
        }
        return count;
    }

    /** Every request the fake platform received, refused ones included. */
    private int requestsSeen() throws Exception {
        return json.readTree(call("GET", "/messages", null)).path("messages").size();
    }

    private static String call(String method, String path, String body) throws Exception {
        return ChannelTestSupport.call(method, fake + "/sandbox/campus" + path, body);
    }
}
