package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What a channel could not carry although it delivered ({@code DeliveryReported.warnings}) is
 * stored with the delivery and shown to people in their language: the API's deliveries[].warnings,
 * the item page's 已发布（有提示）, the operator board's count.
 */
class DeliveryWarningsIntegrationTests extends PublisherCoreIntegrationTest {

    private static final String IMAGE = "https://www.college.edu.cn/files/campus.png";

    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired WebApplicationContext context;

    @Test
    void aDeliveryWithWarningsShowsThemInChineseInTheApiTheItemPageAndTheBoard() throws Exception {
        String id =
                draft(
                        Map.of(
                                "title",
                                "校园开放日",
                                "body",
                                "<p>欢迎</p>",
                                "channels",
                                List.of("WEBSITE", "WECHAT")));
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        long boardBefore = deliveredWithWarnings(Channel.WECHAT);

        send(
                id,
                Channel.WECHAT,
                List.of(
                        new DeliveryWarning(DeliveryWarning.IMAGE_TOO_LARGE, IMAGE),
                        new DeliveryWarning(DeliveryWarning.TRUNCATED, "digest")));
        send(id, Channel.WEBSITE, List.of());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(delivery(id, Channel.WECHAT).get("status").asString())
                                    .isEqualTo("DELIVERED");
                            assertThat(delivery(id, Channel.WEBSITE).get("status").asString())
                                    .isEqualTo("DELIVERED");
                        });

        JsonNode warnings = delivery(id, Channel.WECHAT).get("warnings");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).get("code").asString()).isEqualTo("image-too-large");
        assertThat(warnings.get(0).get("subject").asString()).isEqualTo(IMAGE);
        assertThat(warnings.get(0).get("message").asString())
                .isEqualTo("图片超出渠道的大小限制，未随正文发布：" + IMAGE);
        assertThat(warnings.get(1).get("message").asString()).isEqualTo("内容超出渠道的长度限制，已截断：digest");
        assertThat(delivery(id, Channel.WEBSITE).get("warnings")).isEmpty();

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // the API in the language the request asks for
        String english =
                mvc.perform(
                                MockMvcRequestBuilders.get("/api/items/" + id)
                                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                                        .with(user("operator").roles("OPERATOR")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Image left out, too large for the channel: " + IMAGE);

        // the item page: 已发布（有提示） on WeChat with the texts, 已发布 on the website
        String page =
                mvc.perform(
                                MockMvcRequestBuilders.get("/console/items/" + id)
                                        .with(user("operator").roles("OPERATOR")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("已发布（有提示）")
                .contains("badge-DELIVERED_WITH_WARNINGS")
                .contains("图片超出渠道的大小限制，未随正文发布：" + IMAGE)
                .contains("内容超出渠道的长度限制，已截断：digest");
        assertThat(page).containsPattern("data-channel=\"WEBSITE\"[^>]*data-status=\"DELIVERED\"");

        // the operator board counts the channel's deliveries with warnings
        assertThat(deliveredWithWarnings(Channel.WECHAT)).isEqualTo(boardBefore + 1);
        String board =
                mvc.perform(
                                MockMvcRequestBuilders.get("/console/operations")
                                        .with(user("operator").roles("OPERATOR")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("count-DELIVERED_WITH_WARNINGS");
    }

    private void send(String id, Channel channel, List<DeliveryWarning> warnings) throws Exception {
        UUID itemId = UUID.fromString(id);
        kafka.send(
                        Topics.DELIVERY_REPORTS,
                        id,
                        new DeliveryReported(
                                UUID.randomUUID(),
                                itemId,
                                1,
                                Instant.now(),
                                channel,
                                DeliveryStatus.DELIVERED,
                                URI.create("https://example.edu.cn/" + channel + "/" + id),
                                1,
                                null,
                                warnings))
                .get();
    }

    private long deliveredWithWarnings(Channel channel) {
        for (JsonNode card : get("/api/operations/channels", "operator").body()) {
            if (card.get("channel").asString().equals(channel.name())) {
                return card.get("deliveredWithWarnings").asLong();
            }
        }
        throw new AssertionError("No card for " + channel);
    }

    private JsonNode delivery(String id, Channel channel) {
        @Nullable JsonNode found = null;
        for (JsonNode delivery : get("/api/items/" + id, "operator").body().get("deliveries")) {
            if (delivery.get("channel").asString().equals(channel.name())) {
                found = delivery;
            }
        }
        if (found == null) {
            throw new AssertionError("No delivery on " + channel);
        }
        return found;
    }
}
