package cn.college.disclosure.channel.ledscreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.LedOptions;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.fakes.OutsideWorldFakesApplication;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LED-screen service against a real broker and database and the outside-world fakes (started
 * in-process on a random port): Kafka in, feeds and acknowledgements over HTTP, programs pushed to
 * the fake Huidu controller, reports out. Groups (application-ledtest.yml): {@code gate} needs a
 * screen's acknowledgement; {@code lobby} shows only 图书馆's items and needs none; {@code hall}
 * (后勤处's items) is pushed to the fake Huidu controller {@code hall-controller}; {@code plaza}
 * (保卫处's items) is played by a fake polling screen.
 */
@PipelineInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("ledtest")
class LedScreenChannelIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static DeliveryReports reports;
    private static ConfigurableApplicationContext fakes;
    private static String fakesUrl;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTheFakes(DynamicPropertyRegistry registry) {
        if (fakes == null) {
            fakes = OutsideWorldFakesApplication.start("--server.port=0");
            fakesUrl =
                    "http://localhost:" + fakes.getEnvironment().getProperty("local.server.port");
        }
        registry.add("ledtest.fake-huidu-url", () -> fakesUrl + "/");
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stopRecording() {
        reports.close();
        if (fakes != null) {
            fakes.close();
            fakes = null;
        }
    }

    @Test
    void anItemInTheFeedIsPendingUntilAScreenAcknowledgesAVersionContainingIt() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "教务处", "<p>明日停电通知：</p>图书馆\t下午2点至5点停电。"));

        DeliveryReported pending = reports.await(itemId, 1, DeliveryStatus.PENDING);
        assertThat(pending.channel()).isEqualTo(Channel.LED_SCREEN);
        assertThat(pending.detail()).startsWith("in feed, not yet shown");
        JsonNode feed = feed("gate");
        JsonNode message = messageOf(feed, itemId).orElseThrow();
        assertThat(message.path("itemVersion").asInt()).isEqualTo(1);
        assertThat(message.path("priority").asString()).isEqualTo("normal");
        assertThat(message.path("mode").asString()).isEqualTo("static");
        assertThat(message.path("holdSec").asInt()).isEqualTo(6);
        assertThat(pages(message)).containsExactly("明日停电通知： \n图书馆 下午2点至\n5点停电。");
        assertThat(feed.path("ttlSec").asLong()).isEqualTo(30);
        assertThat(messageOf(feed("lobby"), itemId)).isEmpty();
        long version = feed.path("version").asLong();

        HttpResponse<String> ack = ack("gate-1", "key-gate-1", "gate", version);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains(itemId.toString());
        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.externalUrl())
                .isEqualTo(URI.create("https://screens.example.edu.cn/led/feeds/gate.html"));
        assertThat(delivered.detail()).contains("screen gate-1");

        // repeated acknowledgements, by the same and another screen, deliver nothing more
        assertThat(ack("gate-1", "key-gate-1", "gate", version).body())
                .doesNotContain(itemId.toString());
        assertThat(ack("gate-2", "key-gate-2", "gate", version).body())
                .doesNotContain(itemId.toString());
        JsonNode screens = json.readTree(get("/led/screens", null).body());
        JsonNode gate1 = find(screens, "screenId", "gate-1").orElseThrow();
        assertThat(gate1.path("lastFeedVersion").asLong()).isGreaterThanOrEqualTo(version);
        assertThat(gate1.path("lastAckAt").isNull()).isFalse();
        assertThat(find(screens, "screenId", "lobby-1").orElseThrow().path("lastAckAt").isNull())
                .isTrue();
        // a later report of the item comes after any duplicate the acknowledgements could have sent
        send(retraction(itemId, 1));
        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(reports.statuses(itemId))
                .containsExactly(
                        DeliveryStatus.PENDING, DeliveryStatus.DELIVERED, DeliveryStatus.RETRACTED);
    }

    @Test
    void aGroupWithoutAcknowledgementDeliversAsSoonAsTheMessageIsInItsFeed() throws Exception {
        UUID itemId = UUID.randomUUID();
        String text = "图书馆将于本周六进行系统维护，期间暂停借还服务，敬请谅解。";

        send(request(itemId, 1, "图书馆", text));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(reports.statuses(itemId)).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(delivered.externalUrl())
                .isEqualTo(URI.create("https://screens.example.edu.cn/led/feeds/lobby.html"));
        JsonNode lobby = messageOf(feed("lobby"), itemId).orElseThrow();
        assertThat(lobby.path("mode").asString()).isEqualTo("scroll");
        assertThat(pages(lobby)).containsExactly(text);
        assertThat(messageOf(feed("gate"), itemId)).isPresent();
    }

    @Test
    void answersNotModifiedToTheCurrentEntityTag() throws Exception {
        HttpResponse<String> first = get("/led/feeds/gate.json", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");

        HttpResponse<String> again = get("/led/feeds/gate.json", etag);
        HttpResponse<String> text = get("/led/feeds/gate.txt", etag);

        // another test may move the feed on meanwhile: then the tag changed, and 200 is right
        String now = get("/led/feeds/gate.json", null).headers().firstValue("ETag").orElseThrow();
        if (now.equals(etag)) {
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).contains(etag);
            assertThat(text.statusCode()).isEqualTo(304);
        }
        assertThat(get("/led/feeds/gate.json", "W/\"gate-999999\"").statusCode()).isEqualTo(200);
    }

    @Test
    void servesOnePagePerLineAsTextAndASelfBlankingTicker() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "学生处", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四"));
        reports.await(itemId, 1, DeliveryStatus.PENDING);

        String text = get("/led/feeds/gate.txt", null).body();
        HttpResponse<String> ticker = get("/led/feeds/gate.html", null);

        assertThat(text).contains("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二\n三四\n");
        assertThat(ticker.statusCode()).isEqualTo(200);
        assertThat(ticker.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
        assertThat(ticker.body())
                .contains("gate.json")
                .contains("ttlMs = 30 * 1000")
                .contains("blank()");
    }

    @Test
    void anUnknownGroupIsNotFoundWithAProblem() throws Exception {
        HttpResponse<String> response = get("/led/feeds/nowhere.json", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json");
        assertThat(response.body()).contains("nowhere");
        assertThat(get("/led/feeds/nowhere.html", null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAcknowledgementsWithoutTheScreensKeyOrForAnotherGroup() throws Exception {
        long version = feed("gate").path("version").asLong();

        HttpResponse<String> none = ack("gate-1", null, "gate", version);
        HttpResponse<String> wrong = ack("gate-1", "key-gate-2", "gate", version);
        HttpResponse<String> unknown = ack("roof-9", "key-gate-1", "gate", version);
        HttpResponse<String> otherGroup = ack("gate-1", "key-gate-1", "lobby", version);
        HttpResponse<String> future = ack("gate-1", "key-gate-1", "gate", version + 1000);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(none.headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(otherGroup.statusCode()).isEqualTo(403);
        assertThat(otherGroup.headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json");
        assertThat(future.statusCode()).isEqualTo(409);
    }

    @Test
    void aRetractionRemovesTheMessageFromEveryFeedAtOnceAndMovesTheVersion() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "图书馆", "闭馆通知"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        long gateBefore = feed("gate").path("version").asLong();
        long lobbyBefore = feed("lobby").path("version").asLong();
        assertThat(messageOf(feed("gate"), itemId)).isPresent();

        send(retraction(itemId, 1));

        DeliveryReported retracted = reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(retracted.detail()).contains("gate").contains("lobby");
        JsonNode gate = feed("gate");
        JsonNode lobby = feed("lobby");
        assertThat(messageOf(gate, itemId)).isEmpty();
        assertThat(messageOf(lobby, itemId)).isEmpty();
        assertThat(gate.path("version").asLong()).isGreaterThan(gateBefore);
        assertThat(lobby.path("version").asLong()).isGreaterThan(lobbyBefore);
        assertThat(get("/led/feeds/lobby.txt", null).body()).doesNotContain("闭馆通知");
    }

    @Test
    void aNewVersionReplacesTheMessage() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "教务处", "补考安排"));
        reports.await(itemId, 1, DeliveryStatus.PENDING);
        long firstId = messageOf(feed("gate"), itemId).orElseThrow().path("id").asLong();

        send(request(itemId, 2, "教务处", "补考安排(更正)"));

        reports.await(itemId, 2, DeliveryStatus.PENDING);
        DeliveryReported replaced = reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(replaced.detail()).contains("replaced by version 2");
        JsonNode feed = feed("gate");
        List<JsonNode> messages = messagesOf(feed, itemId);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("itemVersion").asInt()).isEqualTo(2);
        assertThat(messages.get(0).path("id").asLong()).isNotEqualTo(firstId);
        assertThat(pages(messages.get(0))).containsExactly("补考安排(更正)");

        ack("gate-2", "key-gate-2", "gate", feed.path("version").asLong());

        reports.await(itemId, 2, DeliveryStatus.DELIVERED);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aHuiduControllerTakingTheGroupsProgramDeliversTheItemAndARetractionEmptiesIt()
            throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "后勤处", "食堂周末照常营业"));

        // the fake checked the signature: a wrongly signed push would have been refused with 401
        await().atMost(PATIENCE)
                .until(
                        () ->
                                hallProgram()
                                        .map(LedScreenChannelIntegrationTests::itemTexts)
                                        .orElse(List.of()),
                        texts -> texts.contains("食堂周末照常营业"));
        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.detail()).contains("screen hall-controller").contains("group hall");
        assertThat(messageOf(feed("hall"), itemId)).isPresent();
        JsonNode controller = find(screens(), "screenId", "hall-controller").orElseThrow();
        assertThat(controller.path("kind").asString()).isEqualTo("huidu");
        assertThat(controller.path("acks").asLong()).isPositive();

        send(retraction(itemId, 1));

        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        await().atMost(PATIENCE).until(() -> hallProgram().isEmpty());
        assertThat(
                        find(huiduControllers(), "deviceId", "hall-controller")
                                .orElseThrow()
                                .path("lastMethod")
                                .asString())
                .isEqualTo("remove");
        assertThat(reports.statuses(itemId))
                .containsOnlyOnce(DeliveryStatus.DELIVERED)
                .endsWith(DeliveryStatus.RETRACTED);
    }

    @Test
    void aControllerAnsweringAServerErrorIsPushedAgainAndTheItemDeliveredOnce() throws Exception {
        UUID itemId = UUID.randomUUID();
        fake("POST", "/sandbox/huidu/script", "{\"times\":1,\"httpStatus\":503}");
        long callsBefore = huiduCalls(503);

        send(request(itemId, 1, "后勤处", "热水供应时间调整"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(huiduCalls(503)).isEqualTo(callsBefore + 1);
        assertThat(itemTexts(hallProgram().orElseThrow())).anyMatch(t -> t.startsWith("热水供应"));
        JsonNode controller = find(screens(), "screenId", "hall-controller").orElseThrow();
        assertThat(controller.path("failures").asLong()).isPositive();
        assertThat(controller.path("lastError").isNull()).isTrue();
        send(retraction(itemId, 1));
        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(reports.statuses(itemId)).containsOnlyOnce(DeliveryStatus.DELIVERED);
    }

    @Test
    void aProgramTheControllerRefusesStaysPendingAndIsTheControllersLastError() throws Exception {
        UUID itemId = UUID.randomUUID();
        fake("POST", "/sandbox/huidu/script", "{\"times\":1,\"httpStatus\":400}");

        send(request(itemId, 1, "后勤处", "宿舍楼检修"));

        JsonNode controller =
                await().atMost(PATIENCE)
                        .until(
                                () -> find(screens(), "screenId", "hall-controller").orElseThrow(),
                                c -> c.path("lastError").asString("").contains("HTTP 400"));
        assertThat(controller.path("behind").asBoolean()).isTrue();
        assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.DELIVERED);

        // the feed moving on is pushed again, and this time the controller takes it
        send(retraction(itemId, 1));

        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        await().atMost(PATIENCE)
                .until(
                        () -> find(screens(), "screenId", "hall-controller").orElseThrow(),
                        c -> c.path("lastError").isNull());
        assertThat(reports.statuses(itemId)).doesNotContain(DeliveryStatus.DELIVERED);
    }

    @Test
    void theFakePollingScreenShowsAndAcknowledgesItsFeedAndCatchesUpAfterBeingDown()
            throws Exception {
        fake(
                "POST",
                "/sandbox/ledscreen/screens",
                "{\"screenId\":\"plaza-1\",\"key\":\"key-plaza-1\",\"group\":\"plaza\","
                        + "\"feedUrl\":\"http://localhost:%d/led/feeds/plaza.json\",\"pollInterval\":\"PT0.2S\"}"
                                .formatted(port));
        UUID first = UUID.randomUUID();

        send(request(first, 1, "保卫处", "东门施工绕行"));

        DeliveryReported delivered = reports.await(first, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.detail()).contains("screen plaza-1");
        await().atMost(PATIENCE)
                .until(() -> plazaScreen().path("pages").toString().contains("东门施工绕行"));

        assertThat(fake("POST", "/sandbox/ledscreen/screens/plaza-1/down", "").statusCode())
                .isEqualTo(204);
        UUID second = UUID.randomUUID();
        send(request(second, 1, "保卫处", "南门临时关闭"));
        reports.await(second, 1, DeliveryStatus.PENDING);
        assertThat(plazaScreen().path("pages")).isEmpty();
        assertThat(find(screens(), "screenId", "plaza-1").orElseThrow().path("behind").asBoolean())
                .isTrue();
        assertThat(reports.statuses(second)).doesNotContain(DeliveryStatus.DELIVERED);

        fake("POST", "/sandbox/ledscreen/screens/plaza-1/up", "");

        reports.await(second, 1, DeliveryStatus.DELIVERED);
        await().atMost(PATIENCE)
                .until(() -> plazaScreen().path("pages").toString().contains("南门临时关闭"));
        assertThat(find(screens(), "screenId", "plaza-1").orElseThrow().path("behind").asBoolean())
                .isFalse();
    }

    @Test
    void anEmergencyPreemptsEveryOtherMessageOfItsGroupUntilItIsRetracted() throws Exception {
        UUID normal = UUID.randomUUID();
        UUID emergency = UUID.randomUUID();
        send(request(normal, 1, "教务处", "期末考试安排"));
        reports.await(normal, 1, DeliveryStatus.PENDING);
        assertThat(messageOf(feed("gate"), normal)).isPresent();

        send(
                request(
                        emergency,
                        1,
                        "保卫处",
                        "火警：请立即疏散",
                        new LedOptions(
                                Set.of("gate"),
                                LedPriority.EMERGENCY,
                                null,
                                Instant.now().plus(Duration.ofMinutes(5)))));

        reports.await(emergency, 1, DeliveryStatus.PENDING);
        JsonNode preempted = feed("gate");
        assertThat(messageOf(preempted, emergency).orElseThrow().path("priority").asString())
                .isEqualTo("emergency");
        assertThat(messageOf(preempted, normal)).isEmpty();
        assertThat(preempted.path("messages"))
                .allMatch(m -> m.path("priority").asString().equals("emergency"));
        // it named gate only: plaza, which shows 保卫处's items, does not get it
        assertThat(messageOf(feed("plaza"), emergency)).isEmpty();

        send(retraction(emergency, 1));

        reports.await(emergency, 1, DeliveryStatus.RETRACTED);
        JsonNode after = feed("gate");
        assertThat(messageOf(after, emergency)).isEmpty();
        assertThat(messageOf(after, normal)).isPresent();
        send(retraction(normal, 1));
        reports.await(normal, 1, DeliveryStatus.RETRACTED);
    }

    @Test
    void anItemNamingOneGroupAppearsOnlyInThatGroupsFeed() throws Exception {
        UUID itemId = UUID.randomUUID();

        // 图书馆's items go to gate and lobby by default; this one names lobby only
        send(
                request(
                        itemId,
                        1,
                        "图书馆",
                        "新书展览",
                        new LedOptions(Set.of("lobby"), LedPriority.URGENT, null, null)));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.externalUrl())
                .isEqualTo(URI.create("https://screens.example.edu.cn/led/feeds/lobby.html"));
        assertThat(messageOf(feed("lobby"), itemId).orElseThrow().path("priority").asString())
                .isEqualTo("urgent");
        assertThat(messageOf(feed("gate"), itemId)).isEmpty();
        send(retraction(itemId, 1));
        reports.await(itemId, 1, DeliveryStatus.RETRACTED);
    }

    @Test
    void anItemNamingGroupsTheServiceDoesNotShowItOnFailsListingThem() throws Exception {
        UUID unknown = UUID.randomUUID();
        UUID otherDepartment = UUID.randomUUID();

        send(
                request(
                        unknown,
                        1,
                        "教务处",
                        "选课通知",
                        new LedOptions(Set.of("gate", "roof", "canteen"), null, null, null)));
        send(
                request(
                        otherDepartment,
                        1,
                        "教务处",
                        "选课通知",
                        new LedOptions(Set.of("lobby"), null, null, null)));

        DeliveryReported failed = reports.await(unknown, 1, DeliveryStatus.FAILED);
        assertThat(failed.detail())
                .contains("unknown screen group(s) canteen, roof")
                .contains("(configured: gate, lobby, hall, plaza)");
        assertThat(messageOf(feed("gate"), unknown)).isEmpty();
        assertThat(reports.await(otherDepartment, 1, DeliveryStatus.FAILED).detail())
                .contains("lobby do not show items of 教务处");
    }

    @Test
    void aMessageDropsOutOfTheFeedByItselfWhenItExpires() throws Exception {
        UUID itemId = UUID.randomUUID();
        Instant expireAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

        send(
                request(
                        itemId,
                        1,
                        "教务处",
                        "讲座即将开始",
                        new LedOptions(Set.of("gate"), null, null, expireAt)));

        reports.await(itemId, 1, DeliveryStatus.PENDING);
        JsonNode message = messageOf(feed("gate"), itemId).orElseThrow();
        assertThat(Instant.parse(message.path("expireAt").asString())).isEqualTo(expireAt);
        // FeedRefresher (every 500 ms here) moves the feed on without anyone acknowledging
        await().atMost(PATIENCE).until(() -> messageOf(feed("gate"), itemId).isEmpty());
        assertThat(Instant.now()).isAfterOrEqualTo(expireAt);
    }

    @Test
    void anItemThatExpiredBeforeItArrivedFails() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(
                request(
                        itemId,
                        1,
                        "教务处",
                        "昨日通知",
                        new LedOptions(
                                null,
                                null,
                                Instant.now().minus(Duration.ofDays(2)),
                                Instant.now().minus(Duration.ofDays(1)))));

        assertThat(reports.await(itemId, 1, DeliveryStatus.FAILED).detail())
                .startsWith("expired before it could be shown");
        assertThat(messageOf(feed("gate"), itemId)).isEmpty();
    }

    private Optional<JsonNode> hallProgram() throws Exception {
        return find(huiduControllers(), "deviceId", "hall-controller")
                .map(c -> c.path("programs").path("xxgk-hall"))
                .filter(p -> !p.isMissingNode());
    }

    private static List<String> itemTexts(JsonNode program) {
        return StreamSupport.stream(program.path("items").spliterator(), false)
                .map(item -> item.path("text").asString())
                .toList();
    }

    private JsonNode huiduControllers() throws Exception {
        return json.readTree(fake("GET", "/sandbox/huidu/programs", null).body());
    }

    private long huiduCalls(int status) throws Exception {
        return StreamSupport.stream(
                        json.readTree(fake("GET", "/sandbox/huidu/calls", null).body())
                                .spliterator(),
                        false)
                .filter(c -> c.path("deviceId").asString().equals("hall-controller"))
                .filter(c -> c.path("status").asInt() == status)
                .count();
    }

    private JsonNode plazaScreen() throws Exception {
        return find(
                        json.readTree(fake("GET", "/sandbox/ledscreen/screens", null).body()),
                        "screenId",
                        "plaza-1")
                .orElseThrow();
    }

    private JsonNode screens() throws Exception {
        return json.readTree(get("/led/screens", null).body());
    }

    private HttpResponse<String> fake(String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(fakesUrl + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode feed(String group) throws Exception {
        HttpResponse<String> response = get("/led/feeds/" + group + ".json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static Optional<JsonNode> messageOf(JsonNode feed, UUID itemId) {
        return find(feed.path("messages"), "itemId", itemId.toString());
    }

    private static List<JsonNode> messagesOf(JsonNode feed, UUID itemId) {
        return StreamSupport.stream(feed.path("messages").spliterator(), false)
                .filter(m -> m.path("itemId").asString().equals(itemId.toString()))
                .toList();
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path(field).asString().equals(value))
                .findFirst();
    }

    private static List<String> pages(JsonNode message) {
        return StreamSupport.stream(message.path("pages").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private HttpResponse<String> get(String path, @Nullable String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ack(
            String screenId, @Nullable String key, String group, long feedVersion)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:%d/led/screens/%s/ack"
                                                .formatted(port, screenId)))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"group\":\"%s\",\"feedVersion\":%d}"
                                                .formatted(group, feedVersion)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(Object event) throws Exception {
        UUID itemId =
                event instanceof PublicationRequested r
                        ? r.itemId()
                        : ((PublicationRetracted) event).itemId();
        kafka.send(Topics.PUBLICATIONS, itemId.toString(), event).get();
    }

    private static PublicationRequested request(
            UUID itemId, int version, String department, String ledText) {
        return request(itemId, version, department, ledText, null);
    }

    private static PublicationRequested request(
            UUID itemId, int version, String department, String ledText, @Nullable LedOptions led) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                "标题" + version,
                fixture.summary(),
                fixture.bodyHtml(),
                Set.of(Channel.WEBSITE, Channel.LED_SCREEN),
                fixture.catalogueItem(),
                department,
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId)),
                ledText,
                fixture.producedOn(),
                fixture.approvedBy(),
                led);
    }

    private static PublicationRetracted retraction(UUID itemId, int version) {
        return new PublicationRetracted(
                UUID.randomUUID(), itemId, version, Instant.now(), "内容有误", "admin");
    }
}
