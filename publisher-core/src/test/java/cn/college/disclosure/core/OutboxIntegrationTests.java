package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WireTypes;
import cn.college.disclosure.testinfrastructure.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

class OutboxIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired Environment environment;

    @Test
    void anApprovalReachesTheBrokerExactlyOnceKeyedByTheItem() {
        String id =
                draft(
                        Map.of(
                                "title",
                                "2021年招生章程",
                                "body",
                                "<p>第一条</p>",
                                "catalogueItem",
                                7,
                                "channels",
                                List.of("WEBSITE", "WECHAT")));

        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = recordsOf(id);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(
                        new String(
                                record.headers().lastHeader("__TypeId__").value(),
                                StandardCharsets.UTF_8))
                .isEqualTo(WireTypes.PUBLICATION_REQUESTED);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("itemId").asString()).isEqualTo(id);
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("title").asString()).isEqualTo("2021年招生章程");
        assertThat(event.get("department").asString()).isEqualTo("教务处");
        assertThat(event.get("catalogueItem").get("name").asString()).isEqualTo("招生章程、招生计划");
        assertThat(event.get("canonicalUrl").asString())
                .isEqualTo("http://localhost:8081/items/" + id + ".html");
        assertThat(event.get("approvedBy").asString()).isEqualTo("liaison");
        assertThat(sentAt(id)).isNotNull();
    }

    @Test
    void anApprovalDuringABrokerOutageIsAcceptedAndSentOnceTheBrokerIsBack() {
        String id = draft("停机期间批准");
        TestInfrastructure infrastructure = TestInfrastructure.get();
        infrastructure.stopKafka();
        boolean running = false;
        try {
            assertThat(post("/api/items/" + id + "/approve", "liaison", null).status())
                    .isEqualTo(200);
            assertThat(sentAt(id)).isNull();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(attempts(id)).isPositive());
            assertThat(sentAt(id)).isNull();
            infrastructure.startKafka();
            running = true;
        } finally {
            if (!running) {
                infrastructure.startKafka();
            }
        }

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(sentAt(id)).isNotNull());
        List<ConsumerRecord<String, String>> records = recordsOf(id);
        assertThat(records).hasSize(1);
        assertThat(json.readTree(records.get(0).value()).get("title").asString())
                .isEqualTo("停机期间批准");
    }

    private Object sentAt(String id) {
        return jdbc.sql("select sent_at from outbox where message_key = ?")
                .param(id)
                .query((rs, row) -> rs.getObject(1))
                .optional()
                .orElse(null);
    }

    private int attempts(String id) {
        return jdbc.sql("select attempts from outbox where message_key = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /**
     * The item's records on the publications topic: waits for the first, then reads on until a poll
     * brings nothing new, so that a duplicate would be seen.
     */
    private List<ConsumerRecord<String, String>> recordsOf(String itemId) {
        Properties properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.PUBLICATIONS));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ZERO)
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(500))
                                        .forEach(
                                                record -> {
                                                    if (itemId.equals(record.key())) {
                                                        found.add(record);
                                                    }
                                                });
                                return !found.isEmpty();
                            });
            int size;
            do {
                size = found.size();
                consumer.poll(Duration.ofSeconds(2))
                        .forEach(
                                record -> {
                                    if (itemId.equals(record.key())) {
                                        found.add(record);
                                    }
                                });
            } while (found.size() != size);
        }
        return found;
    }
}
