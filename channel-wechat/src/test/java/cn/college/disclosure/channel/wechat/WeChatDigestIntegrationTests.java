package cn.college.disclosure.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Digest mode on ({@code channel.wechat.digest.enabled=true}, 20:00 China time) against a real
 * broker and database and the fake WeChat, through WxJava, on a movable clock. Every test takes its
 * own day, so each digest id (the clientmsgid) is new to the fake.
 */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.wechat.digest.enabled=true",
            "channel.wechat.digest.send-at=20:00",
            "channel.wechat.digest.zone=Asia/Shanghai",
            "channel.wechat.digest.max-articles=8",
            "channel.wechat.digest.check-interval=200ms",
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.jitter=50ms",
            "channel.runtime.retry.max-attempts=5",
            "channel.runtime.reconciler.interval=1s",
            "channel.runtime.reconciler.stale-after=2s",
            "channel.runtime.parking.check-interval=200ms"
        })
@Import(WeChatChannelIntegrationTests.TestClock.class)
// the channel test context uses the same consumer group: only one may be alive
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeChatDigestIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static String fakeWeChat;
    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
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

    @Test
    void sendsTheDaysNewestApprovedItemsAsOneDigestOfAtMostEightArticles() throws Exception {
        LocalDate day = startDay(10);
        List<UUID> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID itemId = UUID.randomUUID();
            items.add(itemId);
            send(request(itemId, "日报条目" + i, day.atTime(10, i).atZone(CHINA).toInstant()));
        }
        items.forEach(itemId -> reports.await(itemId, 1, DeliveryStatus.DELIVERED));
        int massSends = calls("message/mass/sendall");
        assertThat(digest(day)).isEmpty();

        clock.moveTo(day.atTime(20, 0, 1).atZone(CHINA).toInstant());

        JsonNode digest = awaitDigest(day, "SENT");
        List<String> titles = new ArrayList<>();
        digest.path("items").forEach(item -> titles.add(item.path("title").asString()));
        assertThat(titles)
                .containsExactly(
                        "日报条目9", "日报条目8", "日报条目7", "日报条目6", "日报条目5", "日报条目4", "日报条目3", "日报条目2");
        assertThat(digest.path("rolled_over").asInt()).isEqualTo(2);
        assertThat(digest.path("detail").asString())
                .contains("2 more approved items rolled to the next digest");
        List<JsonNode> sent = massSends("digest-" + day);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("msg_id").asString())
                .isEqualTo(digest.path("msg_id").asString());
        assertThat(sent.get(0).path("titles").toString())
                .isEqualTo(json.writeValueAsString(titles));
        assertThat(sent.get(0).path("content_source_urls").get(0).asString())
                .isEqualTo(canonical(items.get(9)).toString());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> calls("message/mass/sendall") == massSends + 1);
    }

    @Test
    void parksTheDigestOnNoMassSendQuotaUntilTheNextDayAndSendsItThen() throws Exception {
        LocalDate day = startDay(20);
        UUID itemId = UUID.randomUUID();
        send(request(itemId, "停水通知", day.atTime(11, 0).atZone(CHINA).toInstant()));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        sandbox(
                "POST",
                "/script",
                "{\"endpoint\":\"message/mass/sendall\",\"times\":1,\"errcode\":45028,\"errmsg\":\"has no masssend quota\"}");
        int massSends = calls("message/mass/sendall");
        Instant nextSendTime = day.plusDays(1).atTime(20, 0).atZone(CHINA).toInstant();

        clock.moveTo(day.atTime(20, 0, 1).atZone(CHINA).toInstant());

        JsonNode parked = awaitDigest(day, "PARKED");
        assertThat(parked.path("detail").asString())
                .contains("45028")
                .contains("parked until " + nextSendTime);
        assertThat(parked.path("send_after").asString()).isEqualTo(nextSendTime.toString());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> calls("message/mass/sendall") == massSends + 1);
        assertThat(massSends("digest-" + day)).isEmpty();

        sandbox("POST", "/new-day", null);
        clock.moveTo(nextSendTime.plusSeconds(1));

        JsonNode sent = awaitDigest(day, "SENT");
        assertThat(sent.path("items").get(0).path("item_id").asString())
                .isEqualTo(itemId.toString());
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(massSends("digest-" + day)).hasSize(1);
        // the parked digest took the next day's one mass send: no second digest that day
        assertThat(digest(day.plusDays(1))).isEmpty();
        assertThat(calls("message/mass/sendall")).isEqualTo(massSends + 2);
    }

    @Test
    void aResendAfterALostAnswerCountsAsSentAndReachesFollowersOnce() throws Exception {
        LocalDate day = startDay(30);
        UUID itemId = UUID.randomUUID();
        send(request(itemId, "奖学金评审结果", day.atTime(9, 30).atZone(CHINA).toInstant()));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        sandbox(
                "POST",
                "/script",
                "{\"endpoint\":\"message/mass/sendall\",\"times\":1,\"applyThenDrop\":true}");
        int massSends = calls("message/mass/sendall");

        clock.moveTo(day.atTime(20, 0, 1).atZone(CHINA).toInstant());

        JsonNode digest = awaitDigest(day, "SENT");
        assertThat(digest.path("detail").asString()).contains("45065");
        List<JsonNode> sent = massSends("digest-" + day);
        assertThat(sent).hasSize(1);
        assertThat(digest.path("msg_id").asString())
                .isEqualTo(sent.get(0).path("msg_id").asString());
        assertThat(calls("message/mass/sendall")).isEqualTo(massSends + 2);
    }

    @Test
    void aDigestPassRunsOnlyOnTheInstanceHoldingTheJobsLock() throws Exception {
        LocalDate day = startDay(40);
        UUID itemId = UUID.randomUUID();
        send(request(itemId, "图书馆闭馆通知", day.atTime(10, 0).atZone(CHINA).toInstant()));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        // another instance holds the wechat-digest lock (ShedLock's row in the runtime's table)
        jdbc.sql(
                        "insert into shedlock (name, lock_until, locked_at, locked_by) values"
                                + " ('wechat-digest', now() + interval '1 hour', now(), 'other')"
                                + " on conflict (name) do update set lock_until ="
                                + " excluded.lock_until, locked_by = excluded.locked_by")
                .update();
        try {
            clock.moveTo(day.atTime(20, 0, 1).atZone(CHINA).toInstant());

            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> digest(day).isEmpty() && massSends("digest-" + day).isEmpty());
        } finally {
            // the other instance is gone and its lock ran out
            jdbc.sql(
                            "update shedlock set lock_until = now() - interval '1 second' where name ="
                                    + " 'wechat-digest'")
                    .update();
        }

        awaitDigest(day, "SENT");
        assertThat(massSends("digest-" + day)).hasSize(1);
    }

    // --- helpers ---

    /**
     * Moves to the morning of a day of its own (before the send time, so nothing is due while the
     * items arrive), with a fresh digest ledger and the fake's daily quotas reset.
     */
    private LocalDate startDay(int daysAhead) throws Exception {
        LocalDate day = LocalDate.now(CHINA).plusDays(daysAhead);
        clock.moveTo(day.atTime(9, 0).atZone(CHINA).toInstant());
        jdbc.sql("delete from wechat_digest_entry").update();
        jdbc.sql("delete from wechat_digest").update();
        sandbox("POST", "/new-day", null);
        sandbox(
                "PUT",
                "/settings",
                "{\"callbackUrl\":\"http://localhost:%d/wechat/callback\",\"callbacksEnabled\":true}"
                        .formatted(port));
        return day;
    }

    private JsonNode awaitDigest(LocalDate day, String status) throws Exception {
        await().atMost(PATIENCE)
                .until(
                        () ->
                                digest(day)
                                        .map(d -> d.path("status").asString().equals(status))
                                        .orElse(false));
        return digest(day).orElseThrow();
    }

    private Optional<JsonNode> digest(LocalDate day) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/wechat/digests"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode digest : json.readTree(response.body())) {
            if (digest.path("day").asString().equals(day.toString())) {
                assertThat(digest.path("id").asString()).isEqualTo("digest-" + day);
                return Optional.of(digest);
            }
        }
        return Optional.empty();
    }

    private List<JsonNode> massSends(String clientMsgId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode sent : json.readTree(sandbox("GET", "/mass-sends", null))) {
            if (sent.path("clientmsgid").asString().equals(clientMsgId)) {
                found.add(sent);
            }
        }
        return found;
    }

    private int calls(String endpoint) throws Exception {
        return json.readTree(sandbox("GET", "/calls", null)).path("calls").path(endpoint).asInt(0);
    }

    private String sandbox(String method, String path, String body) throws Exception {
        return new Sandbox(fakeWeChat).call(method, path, body);
    }

    private void send(PublicationRequested request) throws Exception {
        kafka.send(Topics.PUBLICATIONS, request.itemId().toString(), request).get();
    }

    private static URI canonical(UUID itemId) {
        return URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId));
    }

    private static PublicationRequested request(UUID itemId, String title, Instant approvedAt) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                1,
                approvedAt,
                title,
                "摘要",
                "<p>" + title + "</p>",
                Set.of(Channel.WEBSITE, Channel.WECHAT),
                fixture.catalogueItem(),
                fixture.department(),
                canonical(itemId),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }
}
