package cn.college.disclosure.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.channel.wechat.api.AccessTokens;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat service against a real broker and database and the fake WeChat (outside-world-fakes,
 * started in-process on a random port), through WxJava: Kafka in, articles and reports out.
 */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.jitter=50ms",
            "channel.runtime.retry.max-attempts=5",
            "channel.runtime.reconciler.interval=1s",
            "channel.runtime.reconciler.stale-after=2s",
            "channel.runtime.parking.check-interval=200ms"
        })
@Import(WeChatChannelIntegrationTests.TestClock.class)
// the digest test context uses the same consumer group: only one may be alive
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeChatChannelIntegrationTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    private static String fakeWeChat;
    private static DeliveryReports reports;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired AccessTokens tokens;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry registry) {
        fakeWeChat = FakeWeChat.url();
        registry.add("channel.wechat.api-host", () -> fakeWeChat);
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stop() {
        reports.close();
    }

    @BeforeEach
    void callbacksToThisService() throws Exception {
        sandbox(
                "PUT",
                "/settings",
                "{\"callbackUrl\":\"http://localhost:%d/wechat/callback\",\"callbacksEnabled\":true}"
                        .formatted(port));
    }

    @AfterEach
    void realTime() {
        clock.moveTo(Instant.now());
    }

    @Test
    void publishesAnItemAsOneArticleAndReportsItsUrl() throws Exception {
        UUID itemId = UUID.randomUUID();
        String body =
                "<p>正文</p><img src=\"data:image/png;base64,%s\"><img src=\"http://127.0.0.1:9/gone.png\">"
                        .formatted(PNG);

        send(request(itemId, 1, "2024年招生章程", body));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        JsonNode article = article("2024年招生章程");
        assertThat(delivered.channel()).isEqualTo(Channel.WECHAT);
        assertThat(delivered.externalUrl()).hasToString(article.path("article_url").asString());
        // not one of the college's origins: never requested, left out with a warning
        assertThat(delivered.warnings())
                .containsExactly(
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_ORIGIN_REFUSED,
                                "http://127.0.0.1:9/gone.png"));
        assertThat(article.path("content").asString())
                .contains("mmbiz.qpic.cn")
                .doesNotContain("127.0.0.1");
        // the item's page, marked with the delivery's idempotency key (found again after a lost
        // answer)
        assertThat(article.path("content_source_url").asString())
                .isEqualTo(
                        "https://xxgk.example.edu.cn/"
                                + WebsitePaths.itemPage(itemId)
                                + "?wechat_ref="
                                + UUID.nameUUIDFromBytes(
                                        ("WECHAT/" + itemId + "/1")
                                                .getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(reports.statuses(itemId)).startsWith(DeliveryStatus.PENDING);
    }

    @Test
    void refreshesATokenThatExpiresMidFlowOnceAndPublishes() throws Exception {
        tokens.current();
        long before = stableTokenFetches();
        sandbox("POST", "/script", "{\"endpoint\":\"draft/add\",\"times\":1,\"expireToken\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "学生资助政策", "<p>资助</p>"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(stableTokenFetches()).isEqualTo(before + 1);
        assertThat(articles("学生资助政策")).hasSize(1);
    }

    @Test
    void twoInstancesStartingTogetherFetchOneToken() throws Exception {
        jdbc.sql("delete from wechat_access_token").update();
        sandbox(
                "POST",
                "/script",
                "{\"endpoint\":\"stable_token\",\"times\":2,\"delayMillis\":500}");
        long before = stableTokenFetches();
        AccessTokens first = instance();
        AccessTokens second = instance();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<String> one =
                CompletableFuture.supplyAsync(() -> awaitThen(start, first));
        CompletableFuture<String> two =
                CompletableFuture.supplyAsync(() -> awaitThen(start, second));
        start.countDown();

        assertThat(one.get()).isEqualTo(two.get());
        assertThat(stableTokenFetches()).isEqualTo(before + 1);
    }

    @Test
    void parksUntilMidnightInChinaOnTheDailyQuotaAndResumesTheSameItem() throws Exception {
        Instant lateEvening = LocalDate.now(CHINA).atTime(23, 59, 30).atZone(CHINA).toInstant();
        clock.moveTo(lateEvening);
        Instant midnight = LocalDate.now(CHINA).plusDays(1).atStartOfDay(CHINA).toInstant();
        sandbox(
                "POST",
                "/script",
                "{\"endpoint\":\"draft/add\",\"times\":1,\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "校园安全通报", "<p>通报</p>"));

        DeliveryReported retrying = reports.await(itemId, 1, DeliveryStatus.RETRYING);
        assertThat(retrying.detail()).contains("45009").contains("paused until " + midnight);
        HttpResponse<String> parked = get("http://localhost:" + port + "/channel/parking");
        assertThat(parked.statusCode()).isEqualTo(200);
        assertThat(parked.body()).contains(midnight.toString());
        int draftsWhileParked = calls("draft/add");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> calls("draft/add") == draftsWhileParked);
        assertThat(reports.statuses(itemId))
                .doesNotContain(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);

        clock.moveTo(midnight.plusSeconds(1));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(articles("校园安全通报")).hasSize(1);
        assertThat(get("http://localhost:" + port + "/channel/parking").statusCode())
                .isEqualTo(204);
    }

    @Test
    void aSubmitAppliedButWhoseAnswerWasLostGivesExactlyOneArticle() throws Exception {
        sandbox(
                "POST",
                "/script",
                "{\"endpoint\":\"freepublish/submit\",\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "财务预算公开", "<p>预算</p>"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(calls("freepublish/submit")).isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> articles("财务预算公开").size() == 1);
    }

    @Test
    void pollsForTheOutcomeWhenTheCallbackIsLost() throws Exception {
        sandbox("PUT", "/settings", "{\"callbacksEnabled\":false}");
        UUID itemId = UUID.randomUUID();
        int polls = calls("freepublish/get");

        send(request(itemId, 1, "教学质量报告", "<p>报告</p>"));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(calls("freepublish/get")).isGreaterThan(polls);
        assertThat(delivered.externalUrl())
                .hasToString(article("教学质量报告").path("article_url").asString());
    }

    @Test
    void retractsByDeletingTheArticle() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "拟撤回通知", "<p>撤回</p>"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        send(
                new PublicationRetracted(
                        UUID.randomUUID(), itemId, 1, Instant.now(), "内容有误", "admin"));

        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(article("拟撤回通知").path("deleted").asBoolean()).isTrue();
    }

    @Test
    void aNewVersionReplacesTheArticle() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "收费标准", "<p>v1</p>"));
        DeliveryReported first = reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        send(request(itemId, 2, "收费标准(修订)", "<p>v2</p>"));

        DeliveryReported second = reports.await(itemId, 2, DeliveryStatus.DELIVERED);
        assertThat(second.externalUrl()).isNotEqualTo(first.externalUrl());
        assertThat(article("收费标准").path("deleted").asBoolean()).isTrue();
        assertThat(article("收费标准(修订)").path("deleted").asBoolean()).isFalse();
    }

    @Test
    void refusesACallbackWithABadSignature() throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:%d/wechat/callback?signature=bad&timestamp=1&nonce=2"
                                                        .formatted(port)))
                                .POST(HttpRequest.BodyPublishers.ofString("<xml/>"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void sendsNoDigestWhileDigestModeIsOff() throws Exception {
        int massSends = calls("message/mass/sendall");
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "后勤服务公告", "<p>公告</p>"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        // past the default send time (20:00 China) of the next day
        clock.moveTo(LocalDate.now(CHINA).plusDays(1).atTime(20, 0, 30).atZone(CHINA).toInstant());

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> calls("message/mass/sendall") == massSends);
        assertThat(
                        jdbc.sql("select count(*) from wechat_digest_entry where item_id = ?")
                                .param(itemId)
                                .query(Long.class)
                                .single())
                .isZero();
        assertThat(json.readTree(get("http://localhost:" + port + "/wechat/digests").body()))
                .noneMatch(digest -> digest.path("items").toString().contains(itemId.toString()));
    }

    // --- helpers ---

    private AccessTokens instance() {
        AccessTokens other =
                new AccessTokens(
                        "wx-fake-appid",
                        jdbc,
                        new TransactionTemplate(transactions),
                        Clock.systemUTC(),
                        Duration.ofSeconds(200),
                        Duration.ofSeconds(30));
        // the same WeChat client as the service: only the token store is a second instance
        other.fetchWith(forceRefresh -> fetchFromFake());
        return other;
    }

    private AccessTokens.Fetched fetchFromFake() {
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(fakeWeChat + "/cgi-bin/stable_token"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"grant_type\":\"client_credential\",\"appid\":\"wx-fake-appid\",\"secret\":\"fake-secret\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode token = json.readTree(response.body());
            return new AccessTokens.Fetched(
                    token.path("access_token").asString(),
                    Duration.ofSeconds(token.path("expires_in").asLong()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String awaitThen(CountDownLatch start, AccessTokens tokens) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tokens.current();
    }

    private long stableTokenFetches() throws Exception {
        return json.readTree(sandbox("GET", "/calls", null))
                .path("tokenFetches")
                .path("stable_token")
                .asLong(0);
    }

    private int calls(String endpoint) throws Exception {
        return json.readTree(sandbox("GET", "/calls", null)).path("calls").path(endpoint).asInt(0);
    }

    private List<JsonNode> articles(String title) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode article : json.readTree(sandbox("GET", "/articles", null))) {
            if (article.path("title").asString().equals(title)) {
                found.add(article);
            }
        }
        return found;
    }

    private JsonNode article(String title) throws Exception {
        List<JsonNode> found = articles(title);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String sandbox(String method, String path, String body) throws Exception {
        return new Sandbox(fakeWeChat).call(method, path, body);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(Object event) throws Exception {
        UUID itemId =
                event instanceof PublicationRequested r
                        ? r.itemId()
                        : ((PublicationRetracted) event).itemId();
        kafka.send(Topics.PUBLICATIONS, itemId.toString(), event).get();
    }

    private static PublicationRequested request(
            UUID itemId, int version, String title, String body) {
        return WeChatRequests.request(itemId, version, title, body);
    }
}
