package cn.college.disclosure.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import cn.college.disclosure.testinfrastructure.TopicRecorder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays on one database, as two core instances would run them: this context's scheduled relay
 * is off and its Kafka listeners do not start (so that it takes nothing from the shared test
 * context), and it has a schema of its own (so that the shared context's relay does not send these
 * rows). Relay A's producer is faulty; relay B's is the real one. The order each item's events
 * reach the topic is read back with a {@link TopicRecorder}, as a channel would see them.
 */
@PipelineInfrastructure
@SpringBootTest(
        properties = {
            "publisher.outbox.enabled=false",
            "publisher.statistics.recompute-enabled=false",
            "spring.kafka.listener.auto-startup=false",
            "spring.datasource.hikari.schema=outbox_relays",
            "spring.flyway.schemas=outbox_relays",
            "spring.flyway.default-schema=outbox_relays"
        })
@DirtiesContext
class OutboxRelaysIntegrationTests {

    @Autowired Outbox outbox;
    @Autowired OutboxPurge purge;
    @Autowired OutboxProperties properties;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired ProducerFactory<String, Object> producers;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Environment environment;

    /** Each test starts from an empty outbox (this schema is the class's own). */
    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from outbox").update();
    }

    @Test
    void aRetractionNeverOvertakesAnApprovalThatIsStillBeingSentByTheOtherRelay() throws Exception {
        UUID item = UUID.randomUUID();
        try (TopicRecorder<Object> topic = recorder()) {
            write(approval(item));
            HeldSends producerA = new HeldSends(producers);
            OutboxRelay relayA = relay(producerA);
            OutboxRelay relayB = relay(kafka);

            // relay A sent the approval and waits for the broker's answer
            CompletableFuture<Integer> batchA = CompletableFuture.supplyAsync(relayA::relayBatch);
            await().atMost(Duration.ofSeconds(30)).until(() -> producerA.held.size() == 1);
            // meanwhile the item is retracted, and relay B polls
            write(retraction(item));
            relayB.relayBatch();
            // the approval's send fails on relay A
            producerA.held.forEach(
                    send -> send.completeExceptionally(new TimeoutException("no answer")));
            assertThat(batchA.get(30, TimeUnit.SECONDS)).isZero();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                relayB.relayBatch();
                                assertThat(unsent(item)).isZero();
                            });
            awaitOrder(topic, item);
        }
    }

    @Test
    void aRetractionInTheSameBatchWaitsForItsApprovalsAcknowledgement() {
        UUID item = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (TopicRecorder<Object> topic = recorder()) {
            transactions.executeWithoutResult(
                    status -> {
                        add(approval(item));
                        add(approval(other));
                        add(retraction(item));
                    });
            // relay A's producer refuses the item's approval and would carry everything else
            OutboxRelay relayA = relay(new RefusesApprovalOf(producers, item));
            OutboxRelay relayB = relay(kafka);

            assertThat(relayA.relayBatch()).isZero();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                relayB.relayBatch();
                                assertThat(unsent(item) + unsent(other)).isZero();
                            });
            awaitOrder(topic, item);
        }
    }

    @Test
    void thePurgeDeletesOnlyRowsSentLongerAgoThanTheRetention() {
        Instant now = clock.instant();
        Duration retention = properties.retention();
        UUID oldSent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        UUID oldUnsent = UUID.randomUUID();
        transactions.executeWithoutResult(
                status -> {
                    add(approval(oldSent));
                    add(approval(recentSent));
                    add(approval(oldUnsent));
                });
        setTimes(oldSent, now.minus(retention).minus(Duration.ofDays(1)), true);
        setTimes(recentSent, now.minus(retention).plus(Duration.ofHours(1)), true);
        setTimes(oldUnsent, now.minus(retention).minus(Duration.ofDays(30)), false);

        purge.purge();

        assertThat(rows(oldSent)).isZero();
        assertThat(rows(recentSent)).isOne();
        assertThat(rows(oldUnsent)).isOne();
        // through ShedLock: the purge ran holding the lock that keeps other instances out
        assertThat(
                        jdbc.sql("select count(*) from shedlock where name = 'outbox-purge'")
                                .query(Long.class)
                                .single())
                .isOne();
    }

    /** The item's approval is on the topic, and before its retraction. */
    private static void awaitOrder(TopicRecorder<Object> topic, UUID item) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<Object> events = topic.values(item);
                            assertThat(events)
                                    .anyMatch(PublicationRequested.class::isInstance)
                                    .anyMatch(PublicationRetracted.class::isInstance);
                            assertThat(events.get(0)).isInstanceOf(PublicationRequested.class);
                        });
    }

    private OutboxRelay relay(KafkaTemplate<String, Object> producer) {
        return new OutboxRelay(outbox, producer, transactions, properties, clock);
    }

    private TopicRecorder<Object> recorder() {
        return TopicRecorder.events(
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                Topics.PUBLICATIONS);
    }

    private void write(PublicationEvent event) {
        transactions.executeWithoutResult(status -> add(event));
    }

    private void add(PublicationEvent event) {
        outbox.add(Topics.PUBLICATIONS, event, clock.instant());
    }

    private PublicationRequested approval(UUID item) {
        return new PublicationRequested(
                UUID.randomUUID(),
                item,
                1,
                clock.instant(),
                "两个实例",
                null,
                "<p>正文</p>",
                Set.of(Channel.WEBSITE),
                null,
                "教务处",
                URI.create("http://localhost:8081/items/" + item + ".html"),
                null,
                null,
                "liaison");
    }

    private PublicationRetracted retraction(UUID item) {
        return new PublicationRetracted(
                UUID.randomUUID(), item, 1, clock.instant(), "撤回", "liaison");
    }

    private long unsent(UUID item) {
        return jdbc.sql("select count(*) from outbox where message_key = ? and sent_at is null")
                .param(item.toString())
                .query(Long.class)
                .single();
    }

    private long rows(UUID item) {
        return jdbc.sql("select count(*) from outbox where message_key = ?")
                .param(item.toString())
                .query(Long.class)
                .single();
    }

    private void setTimes(UUID item, Instant at, boolean sent) {
        jdbc.sql("update outbox set created_at = ?, sent_at = ? where message_key = ?")
                .params(
                        at.atOffset(ZoneOffset.UTC),
                        sent ? at.atOffset(ZoneOffset.UTC) : null,
                        item.toString())
                .update();
    }

    /** A producer whose sends never reach the broker and wait for the test to answer them. */
    private static final class HeldSends extends KafkaTemplate<String, Object> {

        final List<CompletableFuture<SendResult<String, Object>>> held =
                new CopyOnWriteArrayList<>();

        HeldSends(ProducerFactory<String, Object> producers) {
            super(producers);
        }

        @Override
        public CompletableFuture<SendResult<String, Object>> send(
                String topic, String key, @Nullable Object data) {
            CompletableFuture<SendResult<String, Object>> send = new CompletableFuture<>();
            held.add(send);
            return send;
        }
    }

    /** A producer that fails one item's approval at once and sends everything else. */
    private static final class RefusesApprovalOf extends KafkaTemplate<String, Object> {

        private final UUID item;

        RefusesApprovalOf(ProducerFactory<String, Object> producers, UUID item) {
            super(producers);
            this.item = item;
        }

        @Override
        public CompletableFuture<SendResult<String, Object>> send(
                String topic, String key, @Nullable Object data) {
            if (data instanceof PublicationRequested requested && requested.itemId().equals(item)) {
                return CompletableFuture.failedFuture(new TimeoutException("expired"));
            }
            return super.send(topic, key, data);
        }
    }
}
