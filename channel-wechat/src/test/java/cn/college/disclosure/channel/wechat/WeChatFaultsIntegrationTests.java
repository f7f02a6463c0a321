package cn.college.disclosure.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The promises under faults, asserted from the fake WeChat's own records (its jobs, articles and
 * draft box), not from the channel's ledger: answers lost after WeChat applied the call, with slow
 * and with fast publish jobs; a replay; WeChat refusing connections, then back; WeChat applying a
 * call and never answering; images from elsewhere than the college's origins; replayed callbacks.
 * The channel reaches the fake through a {@link SwitchablePort}, so WeChat can be made unreachable.
 */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.jitter=50ms",
            "channel.runtime.retry.max-attempts=30",
            "channel.runtime.reconciler.interval=1s",
            "channel.runtime.reconciler.stale-after=2s",
            "channel.runtime.parking.check-interval=200ms",
            "resilience4j.circuitbreaker.instances.wechat-api.wait-duration-in-open-state=2s"
        })
// the other test contexts use the same consumer group: only one may be alive
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeChatFaultsIntegrationTests {

    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
    private static final Duration SLOW_JOBS = Duration.ofSeconds(6);

    private static SwitchablePort wechatPort;
    private static HttpServer images;
    private static final Map<String, AtomicInteger> imageRequests = new ConcurrentHashMap<>();
    private static DeliveryReports reports;
    private static Sandbox sandbox;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry registry) throws Exception {
        sandbox = new Sandbox(FakeWeChat.url());
        wechatPort = new SwitchablePort(FakeWeChat.port());
        images = imageServer();
        registry.add("channel.wechat.api-host", () -> "http://127.0.0.1:" + wechatPort.port());
        // the college's own origin; the same server under another name is not
        registry.add(
                "channel.wechat.image-origins",
                () -> "http://localhost:" + images.getAddress().getPort());
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stop() {
        reports.close();
        images.stop(0);
        wechatPort.close();
    }

    @BeforeEach
    void callbacksToThisService() throws Exception {
        wechatPort.pass();
        sandbox.settings(
                "{\"callbackUrl\":\"http://localhost:%d/wechat/callback\",\"callbacksEnabled\":true,\"publishDelay\":\"PT0.2S\"}"
                        .formatted(port));
    }

    @AfterEach
    void fastJobs() throws Exception {
        wechatPort.pass();
        sandbox.settings("{\"publishDelay\":\"PT0.2S\"}");
    }

    // --- answers lost after WeChat applied the call ---

    @Test
    void aSubmitWhoseAnswerIsDroppedWhileJobsAreSlowBecomesExactlyOneArticle() throws Exception {
        sandbox.settings("{\"publishDelay\":\"PT%dS\"}".formatted(SLOW_JOBS.toSeconds()));
        sandbox.script("{\"endpoint\":\"freepublish/submit\",\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();
        PublicationRequested request = request(itemId, 1, "慢任务下的预算公开", "<p>预算</p>");

        send(request);
        // while the job runs: a replay of the record and a new event for the same version
        reports.await(itemId, 1, DeliveryStatus.PENDING);
        send(request);
        send(ContractFixtures.withNewEventId(request));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED, Duration.ofSeconds(90));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.jobs(itemId).size() == 1);
        assertThat(sandbox.articles(itemId)).hasSize(1);
        assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.FAILED);
    }

    @Test
    void aSubmitWhoseAnswerIsDroppedWithFastJobsBecomesExactlyOneArticle() throws Exception {
        sandbox.script("{\"endpoint\":\"freepublish/submit\",\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "快任务下的预算公开", "<p>预算</p>"));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.jobs(itemId).size() == 1);
        assertThat(sandbox.articles(itemId))
                .singleElement()
                .satisfies(
                        a ->
                                assertThat(delivered.externalUrl())
                                        .hasToString(a.path("article_url").asString()));
    }

    @Test
    void aDraftWhoseAnswerIsDroppedIsFoundAndUsedNotMadeAgain() throws Exception {
        int draftsBefore = sandbox.calls("draft/add");
        sandbox.script("{\"endpoint\":\"draft/add\",\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "草稿应答丢失", "<p>草稿</p>"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(sandbox.calls("draft/add")).isEqualTo(draftsBefore + 1);
        assertThat(sandbox.jobs(itemId)).hasSize(1);
        assertThat(sandbox.articles(itemId)).hasSize(1);
        // the one draft was published (consumed); no orphan left in the draft box
        assertThat(sandbox.drafts(itemId)).isEmpty();
    }

    @Test
    void aSubmitAppliedButNeverAnsweredReconcilesToOneArticleNotFailed() throws Exception {
        // longer than WxJava's 5 s read timeout: WeChat applied it and never answered in time
        sandbox.script(
                "{\"endpoint\":\"freepublish/submit\",\"times\":1,\"answerDelayMillis\":8000}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "应答超时的通知", "<p>超时</p>"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(12))
                .until(() -> sandbox.jobs(itemId).size() == 1);
        assertThat(sandbox.articles(itemId)).hasSize(1);
        assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.FAILED);
    }

    @Test
    void aReplayAfterDeliveryPushesNothingWeChatAlreadyHas() throws Exception {
        UUID itemId = UUID.randomUUID();
        PublicationRequested request = request(itemId, 1, "重放的通知", "<p>重放</p>");
        send(request);
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        int drafts = sandbox.calls("draft/add");
        int submits = sandbox.calls("freepublish/submit");
        long deliveredReports = reports.count(itemId, DeliveryStatus.DELIVERED);

        // the consumer group replayed from the earliest offset; then the same version again under a
        // new event; then once more with the runtime's ledger row gone (only the adapter's own
        // steps and WeChat can tell)
        send(request);
        send(ContractFixtures.withNewEventId(request));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reports.count(itemId, DeliveryStatus.DELIVERED) > deliveredReports);
        jdbc.sql("delete from delivery where item_id = ?").param(itemId).update();
        long before = reports.count(itemId, DeliveryStatus.DELIVERED);
        send(ContractFixtures.withNewEventId(request));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reports.count(itemId, DeliveryStatus.DELIVERED) > before);

        assertThat(sandbox.calls("draft/add")).isEqualTo(drafts);
        assertThat(sandbox.calls("freepublish/submit")).isEqualTo(submits);
        assertThat(sandbox.jobs(itemId)).hasSize(1);
        assertThat(sandbox.articles(itemId)).hasSize(1);
    }

    // --- WeChat away ---

    @Test
    void refusedConnectionsThenBackDeliverOnceAndNeverFail() throws Exception {
        wechatPort.refuse();
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "微信断连期间的通知", "<p>断连</p>"));

        reports.await(itemId, 1, DeliveryStatus.RETRYING);
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                !reports.statuses(itemId).contains(DeliveryStatus.FAILED)
                                        && !reports.statuses(itemId)
                                                .contains(DeliveryStatus.DELIVERED));
        assertThat(sandbox.jobs(itemId)).isEmpty();

        wechatPort.pass();

        reports.await(itemId, 1, DeliveryStatus.DELIVERED, Duration.ofSeconds(90));
        assertThat(sandbox.jobs(itemId)).hasSize(1);
        assertThat(sandbox.articles(itemId)).hasSize(1);
        assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.FAILED);
    }

    // --- images ---

    @Test
    void imagesFromAnywhereButTheCollegesOriginsAreNeverFetchedAndLeftOutWithAWarning()
            throws Exception {
        int imagePort = images.getAddress().getPort();
        UUID itemId = UUID.randomUUID();
        String internal = "http://127.0.0.1:%d/internal/secret.png".formatted(imagePort);
        String big = "http://localhost:%d/big.png".formatted(imagePort);
        String gif = "http://localhost:%d/anim.gif".formatted(imagePort);
        String body =
                ("<p>正文</p><img src=\"http://localhost:%d/ok.png\"><img src=\"%s\">"
                                + "<img src=\"%s\"><img src=\"%s\">")
                        .formatted(imagePort, internal, big, gif);

        send(request(itemId, 1, "图片来源检查", body));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(imageRequests).doesNotContainKey("/internal/secret.png");
        assertThat(imageRequests).containsKeys("/ok.png", "/big.png", "/anim.gif");
        assertThat(delivered.warnings())
                .containsExactlyInAnyOrder(
                        new DeliveryWarning(DeliveryWarning.IMAGE_ORIGIN_REFUSED, internal),
                        new DeliveryWarning(DeliveryWarning.IMAGE_TOO_LARGE, big),
                        new DeliveryWarning(DeliveryWarning.IMAGE_TYPE_REFUSED, gif));
        String content = sandbox.articles(itemId).get(0).path("content").asString();
        assertThat(content).contains("mmbiz.qpic.cn").doesNotContain("127.0.0.1", "localhost");
    }

    // --- the callback ---

    @Test
    void refusesACallbackWhoseTimestampIsMoreThanFiveMinutesOff() throws Exception {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        long inSixMinutes = Instant.now().plusSeconds(360).getEpochSecond();

        HttpResponse<String> old = push(Long.toString(sixMinutesAgo), nonce(), "1");
        HttpResponse<String> future = push(Long.toString(inSixMinutes), nonce(), "1");

        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).isEqualTo("stale timestamp");
        assertThat(future.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesACallbackWhoseNonceWasSeenBefore() throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce();

        HttpResponse<String> first = push(timestamp, nonce, "1");
        HttpResponse<String> replay = push(timestamp, nonce, "1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("success");
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).isEqualTo("replayed nonce");
        // kept where every instance looks
        assertThat(
                        jdbc.sql("select count(*) from wechat_callback_nonce where nonce = ?")
                                .param(nonce)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }

    @Test
    void aReplayedPublishJobFinishedDoesNotTakeDownAnArticle() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "被截获的回调", "<p>回调</p>"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        String publishId = sandbox.jobs(itemId).get(0).path("publish_id").asString();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = nonce();
        // a genuine push, captured: the article was published
        assertThat(push(timestamp, nonce, publishId, 0).statusCode()).isEqualTo(200);

        // replayed with the same signature, timestamp and nonce, now claiming status 6 (blocked)
        HttpResponse<String> replay = push(timestamp, nonce, publishId, 6);

        assertThat(replay.statusCode()).isEqualTo(403);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !reports.statuses(itemId).contains(DeliveryStatus.RETRACTED));
    }

    // --- helpers ---

    private HttpResponse<String> push(String timestamp, String nonce, String publishId)
            throws Exception {
        return push(timestamp, nonce, publishId, 0);
    }

    private HttpResponse<String> push(String timestamp, String nonce, String publishId, int status)
            throws Exception {
        String[] parts = {"fake-callback-token", timestamp, nonce};
        Arrays.sort(parts);
        String signature =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-1")
                                        .digest(
                                                String.join("", parts)
                                                        .getBytes(StandardCharsets.UTF_8)));
        String xml =
                ("<xml><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo>"
                                + "<publish_id>%s</publish_id><publish_status>%d</publish_status>"
                                + "</PublishEventInfo></xml>")
                        .formatted(publishId, status);
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:%d/wechat/callback?signature=%s&timestamp=%s&nonce=%s"
                                                .formatted(port, signature, timestamp, nonce)))
                        .header("Content-Type", "text/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String nonce() {
        return Long.toString(
                Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    private static HttpServer imageServer() throws Exception {
        byte[] png = Base64.getDecoder().decode(PNG);
        byte[] big = Arrays.copyOf(png, 1024 * 1024 + 512 * 1024);
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    imageRequests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    byte[] answer =
                            switch (path) {
                                case "/big.png" -> big;
                                case "/anim.gif" -> gif;
                                default -> png;
                            };
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                });
        server.start();
        return server;
    }

    private void send(PublicationRequested event) throws Exception {
        kafka.send(Topics.PUBLICATIONS, event.itemId().toString(), event).get();
    }

    private static PublicationRequested request(
            UUID itemId, int version, String title, String body) {
        return WeChatRequests.request(itemId, version, title, body);
    }
}
