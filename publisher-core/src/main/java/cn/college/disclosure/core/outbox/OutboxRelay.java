package cn.college.disclosure.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Sends the outbox to Kafka, one relay at a time whatever the number of instances (the relay lock,
 * {@link Outbox#tryLockRelay()}), oldest row first. A row is marked sent only after the broker
 * acknowledged it; an event is sent only after every earlier event of its item was acknowledged;
 * the first failure ends the batch, and the next batch, on whichever instance, starts again from
 * the row that failed. So a later event of an item never reaches the topic before an earlier one.
 * Delivery is at least once: consumers deduplicate on the event id.
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
     * Sends one batch in one transaction, which holds the relay lock while it waits for the broker;
     * sends nothing if another relay holds the lock.
     *
     * @return how many rows were sent
     */
    int relayBatch() {
        Integer sent =
                transactions.execute(
                        status -> {
                            if (!outbox.tryLockRelay()) {
                                return 0;
                            }
                            List<Outbox.Entry> entries =
                                    outbox.oldestUnsent(properties.batchSize());
                            // the rows leave in waves: all at once, except that a row whose item
                            // has an earlier row still unacknowledged waits for that row's ack
                            List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
                            Set<String> unacknowledgedItems = new HashSet<>();
                            int acknowledged = 0;
                            for (Outbox.Entry entry : entries) {
                                if (!unacknowledgedItems.add(entry.key())) {
                                    int failed = awaitAcks(entries, acks, acknowledged);
                                    if (failed >= 0) {
                                        return failed;
                                    }
                                    acknowledged = acks.size();
                                    unacknowledgedItems.clear();
                                    unacknowledgedItems.add(entry.key());
                                }
                                acks.add(send(entry));
                            }
                            int failed = awaitAcks(entries, acks, acknowledged);
                            return failed >= 0 ? failed : entries.size();
                        });
        return sent == null ? 0 : sent;
    }

    /**
     * Waits, in row order, for the acks of the rows sent from {@code from} on, and marks each sent.
     *
     * @return the index of the first row that failed, or -1 if all were acknowledged
     */
    private int awaitAcks(List<Outbox.Entry> entries, List<CompletableFuture<?>> acks, int from) {
        for (int i = from; i < acks.size(); i++) {
            Outbox.Entry entry = entries.get(i);
            try {
                acks.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outbox.markFailed(entry.id(), "interrupted", clock.instant());
                return i;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause =
                        e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                log.warn(
                        "Outbox row {} ({} of item {}) not sent, will retry: {}",
                        entry.id(),
                        entry.event().getClass().getSimpleName(),
                        entry.key(),
                        cause.toString());
                outbox.markFailed(entry.id(), cause.toString(), clock.instant());
                // later rows of this wave stay unsent even if acknowledged: they belong to other
                // items, are sent again after this one, and consumers deduplicate on event id
                return i;
            }
            outbox.markSent(entry.id(), clock.instant());
        }
        return -1;
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
