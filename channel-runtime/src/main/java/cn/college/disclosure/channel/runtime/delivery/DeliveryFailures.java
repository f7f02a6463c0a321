package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The channel's one retry layer: a {@link DefaultErrorHandler} retries a failing record in place
 * with exponential backoff (the partition waits, so per-item order holds), reports RETRYING between
 * tries, and when the tries are exhausted or the failure cannot be retried (a record that cannot be
 * read, an invalid event) records and reports FAILED and sends the record to {@link
 * Topics#PUBLICATIONS_DEAD_LETTER}, same partition.
 */
class DeliveryFailures implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    /** Failures a retry cannot cure: Spring Kafka's own list plus invalid events. */
    static final List<Class<? extends Throwable>> NOT_RETRYABLE = notRetryable();

    private final ChannelDeliveries deliveries;
    private final ChannelRuntimeProperties.Retry retry;
    private final ListenerParking parking;

    DeliveryFailures(
            ChannelDeliveries deliveries,
            ChannelRuntimeProperties.Retry retry,
            ListenerParking parking) {
        this.deliveries = deliveries;
        this.retry = retry;
        this.parking = parking;
    }

    DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka) {
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
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new ParkingErrorHandler(recoverer, backOff, parking);
        handler.addNotRetryableExceptions(InvalidPublicationEvent.class);
        handler.setRetryListeners(this);
        return handler;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int attempt) {
        if (!(record.value() instanceof PublicationEvent event)
                || !retryable(ex)
                || attempt >= retry.maxAttempts()) {
            return;
        }
        try {
            deliveries.retrying(event, reason(ex), attempt, retry.maxAttempts());
        } catch (RuntimeException e) {
            // the retry goes on regardless; the next outcome is reported again
            log.warn("Could not report RETRYING of item {}: {}", event.itemId(), e.toString());
        }
    }

    private void exhausted(ConsumerRecord<?, ?> record, @Nullable Exception ex) {
        if (record.value() instanceof PublicationEvent event) {
            deliveries.giveUp(event, reason(ex));
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
     */
    private static final class ParkingErrorHandler extends DefaultErrorHandler {

        private final ListenerParking parking;

        ParkingErrorHandler(
                ConsumerRecordRecoverer recoverer,
                ExponentialBackOffWithMaxRetries backOff,
                ListenerParking parking) {
            super(recoverer, backOff);
            this.parking = parking;
        }

        @Override
        public void handleRemaining(
                Exception thrown,
                List<ConsumerRecord<?, ?>> records,
                Consumer<?, ?> consumer,
                MessageListenerContainer container) {
            ChannelParked parked = parked(thrown);
            if (parked != null && !records.isEmpty()) {
                parking.park(parked, records, consumer);
                return;
            }
            super.handleRemaining(thrown, records, consumer, container);
        }
    }
}
