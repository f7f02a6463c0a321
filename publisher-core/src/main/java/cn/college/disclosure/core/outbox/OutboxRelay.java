package cn.college.disclosure.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to Kafka. A row is marked sent only after the broker acknowledged it; the first
 * failure ends the batch so that no later event of the same item overtakes it, and the row is tried
 * again on the next batch. Delivery is at least once: consumers deduplicate on the event id.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRelay(
            Outbox outbox,
            KafkaTemplate<String, Object> kafka,
            TransactionTemplate transactions,
            OutboxProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends one batch in one transaction, which holds the rows' locks while it waits for the
     * broker.
     *
     * @return how many rows were sent
     */
    int relayBatch() {
        Integer sent =
                transactions.execute(
                        status -> {
                            List<Outbox.Entry> entries = outbox.lockUnsent(properties.batchSize());
                            // all sends leave at once; the idempotent producer keeps their order
                            List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
                            for (Outbox.Entry entry : entries) {
                                acks.add(send(entry));
                            }
                            for (int i = 0; i < entries.size(); i++) {
                                Outbox.Entry entry = entries.get(i);
                                try {
                                    acks.get(i)
                                            .get(
                                                    properties.sendTimeout().toMillis(),
                                                    TimeUnit.MILLISECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    outbox.markFailed(entry.id(), "interrupted", clock.instant());
                                    return i;
                                } catch (ExecutionException | TimeoutException e) {
                                    Throwable cause =
                                            e instanceof ExecutionException && e.getCause() != null
                                                    ? e.getCause()
                                                    : e;
                                    log.warn(
                                            "Outbox row {} ({} of item {}) not sent, will retry: {}",
                                            entry.id(),
                                            entry.event().getClass().getSimpleName(),
                                            entry.key(),
                                            cause.toString());
                                    outbox.markFailed(
                                            entry.id(), cause.toString(), clock.instant());
                                    // later rows stay unsent even if acknowledged: they are sent
                                    // again after this one, and consumers deduplicate on event id
                                    return i;
                                }
                                outbox.markSent(entry.id(), clock.instant());
                            }
                            return entries.size();
                        });
        return sent == null ? 0 : sent;
    }

    private CompletableFuture<?> send(Outbox.Entry entry) {
        try {
            return kafka.send(entry.topic(), entry.key(), entry.event());
        } catch (RuntimeException e) {
            // e.g. no metadata within max.block.ms while the broker is down
            return CompletableFuture.failedFuture(e);
        }
    }
}
