package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.core.item.ItemId;
import cn.college.disclosure.core.item.ItemService;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * 定时发布 and 定时下线 in real time: the schedule job, the outbox and the broker as they run, the topic
 * read as another service would.
 */
class ItemSchedulesIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired Environment environment;
    @Autowired ItemService service;

    private TopicRecorder<PublicationEvent> topic;

    @BeforeEach
    void recordTopic() {
        topic =
                TopicRecorder.events(
                        environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                        Topics.PUBLICATIONS);
    }

    @AfterEach
    void stopRecording() {
        topic.close();
    }

    @Test
    void anItemScheduledForLaterReachesTheTopicWithinFiveSecondsOfItsTimeAndNotBefore() {
        Instant publishAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        String id = draft(schedule("定时发布的通知", publishAt, null));

        Response approved = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(approved.body().get("approvedBy").asString()).isEqualTo("liaison");
        assertThat(approved.body().get("approvedAt").isNull()).isFalse();
        assertThat(approved.body().get("liveVersion").isNull()).isTrue();
        assertThat(approved.body().get("publishAt").asString()).isEqualTo(publishAt.toString());
        assertThat(approved.body().get("deliveries")).isEmpty();
        assertThat(outboxRows(id)).isZero();
        assertThat(auditActions(id)).containsExactly("APPROVED");
        assertThat(
                        get("/api/items?status=SCHEDULED&size=100", "liaison")
                                .body()
                                .get("content")
                                .findValuesAsString("id"))
                .contains(id);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().isAfter(publishAt.minusSeconds(1)));
        assertThat(recordsOf(id)).isEmpty();

        await().atMost(Duration.between(Instant.now(), publishAt.plusSeconds(5)))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !topic.keyed(UUID.fromString(id)).isEmpty());
        List<PublicationEvent> events = topic.values(UUID.fromString(id));
        assertThat(events).hasSize(1).first().isInstanceOf(PublicationRequested.class);
        assertThat(((PublicationRequested) events.get(0)).approvedBy()).isEqualTo("liaison");

        JsonNode live = get("/api/items/" + id, "liaison").body();
        assertThat(live.get("status").asString()).isEqualTo("APPROVED");
        assertThat(live.get("liveVersion").asInt()).isEqualTo(1);
        assertThat(live.get("deliveries").findValuesAsString("status")).containsOnly("PENDING");
        assertThat(auditActions(id)).containsExactly("APPROVED");
    }

    @Test
    void firingTheScheduleTwiceAtOnceReleasesTheItemOnce() throws Exception {
        Instant publishAt = Instant.now().plusSeconds(2);
        String id = draft(schedule("两次触发", publishAt, null));
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !Instant.now().isBefore(publishAt));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return service.fireSchedule(new ItemId(UUID.fromString(id)));
                            }));
        }
        start.countDown();
        long fired = 0;
        for (CompletableFuture<Boolean> run : runs) {
            fired += run.get() ? 1 : 0;
        }
        // the scheduler may have been first; no run after it finds anything to do
        assertThat(fired).isLessThanOrEqualTo(1);

        assertThat(recordsOf(id)).hasSize(1);
        assertThat(outboxRows(id)).isEqualTo(1);
        assertThat(
                        jdbc.sql("select count(*) from delivery where item_id = ?")
                                .param(UUID.fromString(id))
                                .query(Long.class)
                                .single())
                .isEqualTo(4);
    }

    @Test
    void anItemIsRetractedByItselfAtWithdrawAtWithTheDefaultReason() {
        Instant withdrawAt = Instant.now().plusSeconds(3);
        String id = draft(schedule("公示七天", null, withdrawAt));
        Response approved = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("withdrawAt").isNull()).isFalse();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> topic.keyed(UUID.fromString(id)).size() == 2);
        List<PublicationEvent> events = topic.values(UUID.fromString(id));
        assertThat(events.get(0)).isInstanceOf(PublicationRequested.class);
        PublicationRetracted retracted = (PublicationRetracted) events.get(1);
        assertThat(retracted.reason()).isEqualTo("公示期满");
        assertThat(retracted.retractedBy()).isEqualTo(ItemService.SYSTEM);
        assertThat(retracted.version()).isEqualTo(1);
        assertThat(Instant.now()).isAfterOrEqualTo(withdrawAt);

        JsonNode item = get("/api/items/" + id, "liaison").body();
        assertThat(item.get("status").asString()).isEqualTo("RETRACTED");
        assertThat(item.get("retraction").get("reason").asString()).isEqualTo("公示期满");
        assertThat(auditActions(id)).containsExactly("APPROVED", "RETRACTED");
    }

    @Test
    void aWithdrawalGivesItsOwnReasonWhenItHasOne() {
        Map<String, Object> fields = schedule("自定义原因", null, Instant.now().plusSeconds(2));
        fields.put("withdrawReason", "活动已结束");
        String id = draft(fields);
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> topic.keyed(UUID.fromString(id)).size() == 2);
        assertThat(((PublicationRetracted) topic.values(UUID.fromString(id)).get(1)).reason())
                .isEqualTo("活动已结束");
    }

    @Test
    void aScheduledItemRetractedBeforeItsTimeNeverReachesTheTopic() {
        Instant publishAt = Instant.now().plusSeconds(2);
        String id = draft(schedule("取消发布", publishAt, null));
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        Response retracted =
                post("/api/items/" + id + "/retract", "liaison", Map.of("reason", "取消"));
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(200);
        assertThat(retracted.body().get("status").asString()).isEqualTo("RETRACTED");

        // past its time, and a control item approved after it has gone through
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().isAfter(publishAt.plusSeconds(2)));
        String control = draft("对照");
        assertThat(post("/api/items/" + control + "/approve", "liaison", null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !topic.keyed(UUID.fromString(control)).isEmpty());
        assertThat(recordsOf(id)).isEmpty();
        assertThat(outboxRows(id)).isZero();
        assertThat(get("/api/items/" + id, "liaison").body().get("status").asString())
                .isEqualTo("RETRACTED");
    }

    @Test
    void revisingAScheduledItemMakesADraftThatKeepsTheScheduleAndTheLiveVersionStaysUntilThen() {
        String id = draft("第一版");
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        Instant publishAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Response revised =
                call(
                        HttpMethod.PUT,
                        "/api/items/" + id,
                        "liaison",
                        schedule("第二版", publishAt, null));
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);
        Response scheduled = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(scheduled.body().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.body().get("liveVersion").asInt()).isEqualTo(1);

        Map<String, Object> again = new HashMap<>();
        again.put("title", "第三版");
        again.put("body", "<p>改</p>");
        Response draft = call(HttpMethod.PUT, "/api/items/" + id, "liaison", again);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.body().get("version").asInt()).isEqualTo(3);
        assertThat(draft.body().get("liveVersion").asInt()).isEqualTo(1);
        assertThat(draft.body().get("publishAt").asString()).isEqualTo(publishAt.toString());

        Response rescheduled = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(rescheduled.body().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(rescheduled.body().get("publishAt").asString()).isEqualTo(publishAt.toString());
        // only the first version ever went out
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void aScheduleInThePastIs400NamingItsField() {
        long before = itemCount();
        Response past =
                post("/api/items", "liaison", schedule("过去", Instant.now().minusSeconds(60), null));
        assertBadField(past, "publishAt");
        Instant publishAt = Instant.now().plus(Duration.ofHours(2));
        assertBadField(
                post("/api/items", "liaison", schedule("早于", publishAt, publishAt.minusSeconds(1))),
                "withdrawAt");
        assertBadField(
                post("/api/items", "liaison", schedule("同时", publishAt, publishAt)), "withdrawAt");
        assertBadField(
                post("/api/items", "liaison", schedule("已过", null, Instant.now().minusSeconds(1))),
                "withdrawAt");
        assertThat(itemCount()).isEqualTo(before);
    }

    private void assertBadField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    private static Map<String, Object> schedule(
            String title, Instant publishAt, Instant withdrawAt) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("body", "<p>正文</p>");
        if (publishAt != null) {
            fields.put("publishAt", publishAt.toString());
        }
        if (withdrawAt != null) {
            fields.put("withdrawAt", withdrawAt.toString());
        }
        return fields;
    }

    /** What the topic holds for the item now, read from the beginning to its end. */
    private List<ConsumerRecord<String, Object>> recordsOf(String id) {
        return TopicRecorder.snapshot(
                        environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                        Topics.PUBLICATIONS)
                .stream()
                .filter(record -> id.equals(record.key()))
                .toList();
    }

    private long outboxRows(String id) {
        return jdbc.sql("select count(*) from outbox where message_key = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private List<String> auditActions(String id) {
        return jdbc.sql("select action from audit_entry where item_id = ? order by id")
                .param(UUID.fromString(id))
                .query(String.class)
                .list();
    }
}
