package cn.college.disclosure.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import cn.college.disclosure.testinfrastructure.TestInfrastructure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A liaison approves once through the REST API; the item goes live on the website and the website's
 * delivery comes back to the core. Both services run from their executable jars.
 */
@PipelineInfrastructure
class ApproveOncePipelineIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningPipeline pipeline;
    private static Api liaison;

    @BeforeAll
    static void startPipeline() {
        pipeline = new RunningPipeline();
        liaison = new Api(pipeline.coreUrl(), "liaison", "demo");
    }

    @AfterAll
    static void stopPipeline() {
        pipeline.close();
    }

    @Test
    void approvedItemGoesLiveOnTheWebsiteAndComesDownWhenRetracted() {
        String title = "2021年招生章程 " + UUID.randomUUID().toString().substring(0, 8);
        String id = createDraft(title);

        assertThat(liaison.post("api/items/" + id + "/approve", "{}").status()).isEqualTo(200);

        Path page = pipeline.webRoot().resolve("items/" + id + ".html");
        await().atMost(DELIVERY).until(() -> Files.exists(page));
        assertThat(page).content().contains(title);

        JsonNode website =
                await().atMost(DELIVERY)
                        .until(
                                () -> delivery(id, "WEBSITE"),
                                d -> "DELIVERED".equals(d.path("status").asString()));
        URI externalUrl = URI.create(website.path("externalUrl").asString());
        assertThat(externalUrl.toString())
                .isEqualTo(pipeline.websiteUrl() + "items/" + id + ".html");
        assertThat(Api.fetch(externalUrl).body()).contains(title);
        assertThat(Api.fetch(pipeline.websiteUrl()).body()).contains(title);

        JsonNode wechat =
                await().atMost(DELIVERY)
                        .until(
                                () -> delivery(id, "WECHAT"),
                                d -> "DELIVERED".equals(d.path("status").asString()));
        List<JsonNode> articles = articlesTitled(title);
        assertThat(articles).hasSize(1);
        assertThat(wechat.path("externalUrl").asString())
                .isEqualTo(articles.get(0).path("article_url").asString());

        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "CAMPUS_PLATFORM").path("status").asString(),
                        "DELIVERED"::equals);
        assertThat(noticesOf(id))
                .singleElement()
                .satisfies(notice -> assertThat(notice.path("title").asString()).isEqualTo(title));

        // counted on display: the fake screen of the demo group acknowledged a feed holding it
        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "LED_SCREEN").path("status").asString(),
                        "DELIVERED"::equals);
        assertThat(ledFeed()).contains(id);

        assertThat(liaison.post("api/items/" + id + "/retract", "{\"reason\":\"信息有误\"}").status())
                .isEqualTo(200);

        await().atMost(DELIVERY).until(() -> !Files.exists(page));
        assertThat(Api.fetch(externalUrl).statusCode()).isIn(404, 410);
        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "WEBSITE").path("status").asString(),
                        "RETRACTED"::equals);
        assertThat(liaison.get("api/items/" + id).body().path("status").asString())
                .isEqualTo("RETRACTED");
        assertThat(Api.fetch(pipeline.websiteUrl()).body()).doesNotContain(title);
        await().atMost(DELIVERY)
                .until(() -> delivery(id, "WECHAT").path("status").asString(), "RETRACTED"::equals);
        assertThat(articlesTitled(title))
                .singleElement()
                .satisfies(article -> assertThat(article.path("deleted").asBoolean()).isTrue());
        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "CAMPUS_PLATFORM").path("status").asString(),
                        "RETRACTED"::equals);
        assertThat(noticesOf(id))
                .singleElement()
                .satisfies(notice -> assertThat(notice.path("retracted").asBoolean()).isTrue());
        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "LED_SCREEN").path("status").asString(),
                        "RETRACTED"::equals);
        assertThat(ledFeed()).doesNotContain(id);
    }

    /** The demo group's LED feed as its screens read it. */
    private static String ledFeed() {
        return Api.fetch(pipeline.ledUrl().resolve("led/feeds/demo.json")).body();
    }

    @Test
    void anItemApprovedWhileTheBrokerIsDownIsPublishedExactlyOnceAfterItReturns() {
        String title = "停机期间审核的通知 " + UUID.randomUUID().toString().substring(0, 8);
        String id = createDraft(title);
        Path page = pipeline.webRoot().resolve("items/" + id + ".html");

        TestInfrastructure.get().stopKafka();
        try {
            assertThat(liaison.post("api/items/" + id + "/approve", "{}").status()).isEqualTo(200);
            assertThat(liaison.get("api/items/" + id).body().path("status").asString())
                    .isEqualTo("APPROVED");
            assertThat(delivery(id, "WEBSITE").path("status").asString()).isEqualTo("PENDING");
            assertThat(page).doesNotExist();
        } finally {
            TestInfrastructure.get().startKafka();
        }

        await().atMost(DELIVERY).until(() -> Files.exists(page));
        await().atMost(DELIVERY)
                .until(
                        () -> delivery(id, "WEBSITE").path("status").asString(),
                        "DELIVERED"::equals);

        // exactly one publication: one DELIVERED report on the topic, one attempt, one index entry
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(20))
                .until(() -> deliveredReports(id), count -> count == 1);
        assertThat(delivery(id, "WEBSITE").path("attempts").asInt()).isEqualTo(1);
        String index = Api.fetch(pipeline.websiteUrl()).body();
        assertThat(index.split("items/" + id + ".html", -1)).hasSize(2);
    }

    private static String createDraft(String title) {
        Api.Response created =
                liaison.post(
                        "api/items",
                        """
                        {"title": "%s", "summary": "端到端测试", "body": "<p>正文<script>alert(1)</script></p>",
                         "catalogueItem": 7, "producedOn": "2021-03-10"}
                        """
                                .formatted(title));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().path("status").asString()).isEqualTo("DRAFT");
        return created.body().path("id").asString();
    }

    /** The articles the fake WeChat account published under the title. */
    private static List<JsonNode> articlesTitled(String title) {
        String body = Api.fetch(pipeline.fakesUrl().resolve("sandbox/wechat/articles")).body();
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode article : JSON.readTree(body)) {
            if (title.equals(article.path("title").asString())) {
                found.add(article);
            }
        }
        return found;
    }

    /** The notices the fake campus platform holds for the item. */
    private static List<JsonNode> noticesOf(String id) {
        String body = Api.fetch(pipeline.fakesUrl().resolve("sandbox/campus/notices")).body();
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : JSON.readTree(body)) {
            if (id.equals(notice.path("itemId").asString())) {
                found.add(notice);
            }
        }
        return found;
    }

    private static JsonNode delivery(String id, String channel) {
        for (JsonNode delivery : liaison.get("api/items/" + id).body().path("deliveries")) {
            if (channel.equals(delivery.path("channel").asString())) {
                return delivery;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * Reads the whole delivery-reports topic and counts the WEBSITE DELIVERED reports of the item.
     */
    private static long deliveredReports(String id) {
        Map<String, Object> settings =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers());
        List<String> reports = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.DELIVERY_REPORTS).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        reports.add(record.value());
                    }
                }
            }
        }
        return reports.stream()
                .filter(
                        report ->
                                report.contains("\"WEBSITE\"") && report.contains("\"DELIVERED\""))
                .count();
    }
}
