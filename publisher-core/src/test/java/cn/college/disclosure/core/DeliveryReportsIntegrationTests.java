package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class DeliveryReportsIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired KafkaTemplate<String, Object> kafka;

    @Test
    void aDeliveredReportShowsOnTheItemOnceAndIsNeverDowngradedByAnOlderOrWeakerReport()
            throws Exception {
        String id =
                draft(
                        Map.of(
                                "title",
                                "就业质量年度报告",
                                "body",
                                "<p>x</p>",
                                "channels",
                                List.of("WEBSITE", "LED_SCREEN")));
        JsonNode channelsBefore = get("/api/channels", "operator").body();
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        assertThat(count(get("/api/channels", "operator").body(), Channel.WEBSITE, "PENDING"))
                .isEqualTo(count(channelsBefore, Channel.WEBSITE, "PENDING") + 1);
        UUID itemId = UUID.fromString(id);
        URI page = URI.create("http://localhost:8081/items/" + id + ".html");
        Instant delivered = Instant.parse("2021-03-15T01:30:02Z");
        DeliveryReported report =
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        delivered,
                        Channel.WEBSITE,
                        DeliveryStatus.DELIVERED,
                        page,
                        1,
                        null);

        send(report);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(status(id, Channel.WEBSITE)).isEqualTo("DELIVERED"));
        JsonNode website = delivery(id, Channel.WEBSITE);
        assertThat(website.get("externalUrl").asString()).isEqualTo(page.toString());
        assertThat(website.get("attempts").asInt()).isEqualTo(1);

        // the same report again, an older failure, and a later retry of the delivered version
        send(
                new DeliveryReported(
                        report.eventId(),
                        itemId,
                        1,
                        delivered,
                        Channel.WEBSITE,
                        DeliveryStatus.DELIVERED,
                        page,
                        7,
                        null));
        send(
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        delivered.minusSeconds(60),
                        Channel.WEBSITE,
                        DeliveryStatus.FAILED,
                        null,
                        3,
                        "older"));
        send(
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        delivered.plusSeconds(60),
                        Channel.WEBSITE,
                        DeliveryStatus.RETRYING,
                        null,
                        4,
                        "later"));
        // same key, same partition: once this marker is applied, the reports before it were too
        send(
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        delivered,
                        Channel.LED_SCREEN,
                        DeliveryStatus.FAILED,
                        null,
                        2,
                        "屏幕离线"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(status(id, Channel.LED_SCREEN)).isEqualTo("FAILED"));

        website = delivery(id, Channel.WEBSITE);
        assertThat(website.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(website.get("attempts").asInt()).isEqualTo(1);
        assertThat(website.get("lastError").isNull()).isTrue();
        assertThat(delivery(id, Channel.LED_SCREEN).get("lastError").asString()).isEqualTo("屏幕离线");
        assertThat(
                        jdbc.sql(
                                        "select count(*) from delivery where item_id = ? and channel = 'WEBSITE'")
                                .param(itemId)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);

        JsonNode channelsAfter = get("/api/channels", "operator").body();
        assertThat(channelsAfter).hasSize(4);
        assertThat(count(channelsAfter, Channel.WEBSITE, "DELIVERED"))
                .isEqualTo(count(channelsBefore, Channel.WEBSITE, "DELIVERED") + 1);
        assertThat(count(channelsAfter, Channel.LED_SCREEN, "FAILED"))
                .isEqualTo(count(channelsBefore, Channel.LED_SCREEN, "FAILED") + 1);
        assertThat(overview(channelsAfter, Channel.WEBSITE).get("lastDeliveredAt").isNull())
                .isFalse();
        assertThat(
                        get(
                                        "/api/items?channel=LED_SCREEN&deliveryStatus=FAILED&size=100",
                                        "operator")
                                .body()
                                .get("content")
                                .findValuesAsString("id"))
                .contains(id);

        send(
                new DeliveryReported(
                        UUID.randomUUID(),
                        itemId,
                        1,
                        delivered.plusSeconds(120),
                        Channel.WEBSITE,
                        DeliveryStatus.RETRACTED,
                        null,
                        1,
                        null));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(status(id, Channel.WEBSITE)).isEqualTo("RETRACTED"));
    }

    private void send(DeliveryReported report) throws Exception {
        kafka.send(Topics.DELIVERY_REPORTS, report.itemId().toString(), report).get();
    }

    private @Nullable String status(String id, Channel channel) {
        JsonNode delivery = delivery(id, channel);
        return delivery == null ? null : delivery.get("status").asString();
    }

    private @Nullable JsonNode delivery(String id, Channel channel) {
        for (JsonNode delivery : get("/api/items/" + id, "operator").body().get("deliveries")) {
            if (delivery.get("channel").asString().equals(channel.name())
                    && delivery.get("version").asInt() == 1) {
                return delivery;
            }
        }
        return null;
    }

    private static JsonNode overview(JsonNode channels, Channel channel) {
        for (JsonNode overview : channels) {
            if (overview.get("channel").asString().equals(channel.name())) {
                return overview;
            }
        }
        throw new AssertionError("No overview of " + channel);
    }

    private static long count(JsonNode channels, Channel channel, String status) {
        return overview(channels, channel).get("counts").get(status).asLong();
    }
}
