package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;

/**
 * The channel's one retry layer: a {@link DefaultErrorHandler} retries a failing record in place
 * (the partition waits, so per-item order holds) on the schedule of {@link RetryHorizon}, pausing
 * the partition between tries ({@link ContainerPausingBackOffHandler}) rather than putting the
 * consumer thread to sleep, so that a wait of an hour never exceeds {@code max.poll.interval.ms}.
 * It reports RETRYING between tries, and when the failure cannot be retried (a record that cannot
 * be read, an invalid event) or the retry horizon ran out, records and reports FAILED and sends the
 * record to {@link Topics#PUBLICATIONS_DEAD_LETTER}, same partition.
 *
 * <p>The horizon counts from the first failure of the (item, version) as the ledger keeps it, not
 * from the first failure this process saw, so a restart does not start it again. A {@link
 * ChannelParked} (an open circuit breaker, a spent quota) spends no try and pauses the listener
 * until the probe time, but the horizon keeps counting: a provider away for longer than the horizon
 * fails the delivery at the first probe after it.
 */
class DeliveryFailures implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    /** Failures a retry cannot cure: Spring Kafka's own list plus invalid events. */
    static final List<Class<? extends Throwable>> NOT_RETRYABLE = notRetryable();

    private final ChannelDeliveries deliveries;
    private final ChannelRuntimeProperties.Retry retry;
    private final ListenerParking parking;
    private final Clock clock;

    DeliveryFailures(
            ChannelDeliveries deliveries,
            ChannelRuntimeProperties.Retry retry,
            ListenerParking parking,
            Clock clock) {
        this.deliveries = deliveries;
        this.retry = retry;
        this.parking = parking;
        this.clock = clock;
    }

    DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, TaskScheduler scheduler) {
        DeadLetterPublishingRecoverer deadLetters =
                new DeadLetterPublishingRecoverer(
                        kafka,
                        (record, exception) ->
                                new TopicPartition(
                                        Topics.PUBLICATIONS_DEAD_LETTER, record.partition()));
        ConsumerRecordRecoverer recoverer =
                (record, exception) -> {
                    exhausted(record, exception);
                    deadLetters.accept(record, exception);
                    log.warn(
                            "Sent record {}-{}@{} (key {}) to {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            Topics.PUBLICATIONS_DEAD_LETTER);
                };
        DefaultErrorHandler handler =
                new ParkingErrorHandler(
                        recoverer,
                        horizon(clock.instant()),
                        new ContainerPausingBackOffHandler(
                                new ListenerContainerPauseService(null, scheduler)),
                        parking,
                        this);
        handler.setBackOffFunction((record, exception) -> horizonOf(record));
        handler.addNotRetryableExceptions(InvalidPublicationEvent.class);
        handler.setRetryListeners(this);
        return handler;
    }

    /** The schedule of the record's (item, version), from the start of its failure run. */
    RetryHorizon horizonOf(ConsumerRecord<?, ?> record) {
        Instant since = null;
        if (record.value() instanceof PublicationEvent event) {
            try {
                since = deliveries.retryingSince(event).orElse(null);
            } catch (RuntimeException e) {
                // the database is away: count from now, the ledger's start is read next time
                log.warn("Could not read when item {} began failing: {}", event.itemId(), e);
            }
        }
        return horizon(since == null ? clock.instant() : since);
    }

    private RetryHorizon horizon(Instant since) {
        return new RetryHorizon(retry, since, clock);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int attempt) {
        if (!(record.value() instanceof PublicationEvent event) || !retryable(ex)) {
            return;
        }
        try {
            RetryHorizon horizon = horizonOf(record);
            if (horizon.ranOut()) {
                return;
            }
            deliveries.retrying(
                    event,
                    "try %d failed, retried until %s (failing since %s): %s"
                            .formatted(attempt, horizon.end(), horizon.since(), reason(ex)));
        } catch (RuntimeException e) {
            // the retry goes on regardless; the next outcome is reported again
            log.warn("Could not report RETRYING of item {}: {}", event.itemId(), e.toString());
        }
    }

    private void exhausted(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        if (record.value() instanceof PublicationEvent event) {
            String reason = reason(ex);
            if (retryable(ex)) {
                RetryHorizon horizon = horizonOf(record);
                reason =
                        "the retry horizon of %s ran out (failing since %s): %s"
                                .formatted(retry.horizon(), horizon.since(), reason);
            }
            deliveries.giveUp(event, reason);
        } else {
            log.warn(
                    "Record {}-{}@{} (key {}) could not be read: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    reason(ex));
        }
    }

    /** The {@link ChannelParked} behind a listener failure, if that is what it was. */
    static @Nullable ChannelParked parked(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChannelParked parked) {
                return parked;
            }
        }
        return null;
    }

    static boolean retryable(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : NOT_RETRYABLE) {
                if (type.isInstance(cause)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The message of the adapter's exception rather than of the listener's wrapper. */
    static String reason(@Nullable Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return "unknown failure";
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    private static List<Class<? extends Throwable>> notRetryable() {
        List<Class<? extends Throwable>> types =
                new ArrayList<>(ExceptionClassifier.defaultFatalExceptionsList());
        types.add(InvalidPublicationEvent.class);
        return List.copyOf(types);
    }

    /**
     * The error handler, except that a {@link ChannelParked} pauses the listener instead of
     * counting as a failed try: the records are sought back and no retry state is kept for them.
     * Once the record's horizon has run out, the pause ends the delivery like a last failed try.
     */
    private static final class ParkingErrorHandler extends DefaultErrorHandler {

        private final ListenerParking parking;
        private final DeliveryFailures failures;

        ParkingErrorHandler(
                ConsumerRecordRecoverer recoverer,
                BackOff backOff,
                BackOffHandler backOffHandler,
                ListenerParking parking,
                DeliveryFailures failures) {
            super(recoverer, backOff, backOffHandler);
            this.parking = parking;
            this.failures = failures;
        }

        @Override
        public void handleRemaining(
                Exception thrown,
                List<ConsumerRecord<?, ?>> records,
                Consumer<?, ?> consumer,
                MessageListenerContainer container) {
            ChannelParked parked = parked(thrown);
            if (parked != null
                    && !records.isEmpty()
                    && !failures.horizonOf(records.get(0)).ranOut()) {
                parking.park(parked, records, consumer);
                return;
            }
            super.handleRemaining(thrown, records, consumer, container);
        }
    }
}
