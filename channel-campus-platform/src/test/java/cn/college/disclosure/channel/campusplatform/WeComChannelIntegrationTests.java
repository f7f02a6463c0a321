package cn.college.disclosure.channel.campusplatform;

import static cn.college.disclosure.channel.campusplatform.ChannelTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.fakes.OutsideWorldFakesApplication;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
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
 * The WeCom adapter ({@code channel.campus-platform.adapter=wecom}) against a real broker and
 * database and the fake WeCom (outside-world-fakes, in-process on a random port). One recipient,
 * {@code nobody}, is not a member, so every card is a partial success.
 */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.campus-platform.adapter=wecom",
            "channel.campus-platform.wecom.to-user=zhangsan|lisi|nobody",
            "channel.campus-platform.wecom.read-timeout=3s",
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.max-attempts=5",
            "channel.runtime.reconciler.enabled=false",
            "channel.runtime.parking.check-interval=100ms"
        })
// the webhook test context uses the same consumer group: only one may be alive
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeComChannelIntegrationTests {

    private static ConfigurableApplicationContext fakes;
    private static String fake;
    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTheFake(DynamicPropertyRegistry registry) {
        if (fakes == null) {
            fakes = OutsideWorldFakesApplication.start("--server.port=0");
            fake = "http://localhost:" + fakes.getEnvironment().getProperty("local.server.port");
        }
        registry.add("channel.campus-platform.wecom.api-host", () -> fake + "/wecom");
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
    void sendsATextcardAndWarnsAboutInvalidRecipients() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "2024年招生章程"));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.detail()).contains("invaliduser: nobody");
        JsonNode card = message("2024年招生章程");
        assertThat(card.path("url").asString())
                .isEqualTo("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId));
        assertThat(card.path("btntxt").asString()).isEqualTo("详情");
        assertThat(card.path("description").asString()).contains("摘要:2024年招生章程");
        assertThat(card.path("delivered").toString()).isEqualTo("[\"zhangsan\",\"lisi\"]");
    }

    @Test
    void recallsTheMessageOnRetraction() throws Exception {
        UUID itemId = UUID.randomUUID();
        send(request(itemId, 1, "拟撤回通知"));
        reports.await(itemId, 1, DeliveryStatus.DELIVERED);

        send(
                new PublicationRetracted(
                        UUID.randomUUID(), itemId, 1, Instant.now(), "内容有误", "admin"));

        DeliveryReported retracted = reports.await(itemId, 1, DeliveryStatus.RETRACTED);
        assertThat(retracted.detail()).contains("recalled");
        assertThat(message("拟撤回通知").path("recalled").asBoolean()).isTrue();
    }

    @Test
    void aResendAfterALostAnswerIsDroppedByTheDuplicateCheck() throws Exception {
        call(
                "POST",
                "/script",
                "{\"endpoint\":\"message/send\",\"times\":1,\"applyThenDrop\":true}");
        int dropped = calls().path("duplicatesDropped").asInt();
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "财务预算公开"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(messages("财务预算公开")).hasSize(1);
        assertThat(calls().path("duplicatesDropped").asInt()).isEqualTo(dropped + 1);
    }

    @Test
    void fetchesOneNewTokenWhenTheTokenExpires() throws Exception {
        UUID warmUp = UUID.randomUUID();
        send(request(warmUp, 1, "预热"));
        reports.await(warmUp, 1, DeliveryStatus.DELIVERED);
        int fetches = calls().path("tokenFetches").asInt();
        call("POST", "/script", "{\"endpoint\":\"message/send\",\"times\":1,\"expireToken\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "学生资助政策"));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(calls().path("tokenFetches").asInt()).isEqualTo(fetches + 1);
        assertThat(messages("学生资助政策")).hasSize(1);
    }

    // --- helpers ---

    private void send(PublicationEvent event) throws Exception {
        kafka.send(Topics.PUBLICATIONS, event.itemId().toString(), event).get();
    }

    private JsonNode calls() throws Exception {
        return json.readTree(call("GET", "/calls", null));
    }

    private List<JsonNode> messages(String title) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode message : json.readTree(call("GET", "/messages", null))) {
            if (message.path("title").asString().equals(title)) {
                found.add(message);
            }
        }
        return found;
    }

    private JsonNode message(String title) throws Exception {
        List<JsonNode> found = messages(title);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String call(String method, String path, String body) throws Exception {
        return ChannelTestSupport.call(method, fake + "/sandbox/wecom" + path, body);
    }
}
