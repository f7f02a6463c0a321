package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.ChannelParking;
import cn.college.disclosure.channel.runtime.ParkedChannel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses the channel's listener container (found by the channel's listener id) while the provider
 * takes nothing, and resumes it when the channel's clock reaches the resume time. The record that
 * met the pause is sought back, not committed, so it is handled again after the resume; no retry is
 * spent on it and it never reaches the dead-letter topic.
 *
 * <p>The clock is checked every {@code channel.runtime.parking.check-interval} by a job on each
 * instance ({@link #resumeIfDue}, a {@code ChannelJob}) rather than a timer set once, so that a
 * clock moved on (in tests, or by NTP) is honoured.
 */
class ListenerParking implements ChannelParking {

    private static final Logger log = LoggerFactory.getLogger(ListenerParking.class);

    private final String listenerId;
    private final Supplier<@Nullable MessageListenerContainer> container;
    private final Clock clock;
    private final AtomicReference<@Nullable ParkedChannel> parked = new AtomicReference<>();

    ListenerParking(
            String listenerId,
            Supplier<@Nullable MessageListenerContainer> container,
            Clock clock) {
        this.listenerId = listenerId;
        this.container = container;
        this.clock = clock;
    }

    @Override
    public Optional<ParkedChannel> parked() {
        return Optional.ofNullable(parked.get());
    }

    boolean isParked() {
        return parked.get() != null;
    }

    /**
     * Pauses the listener until the given time; a later pause extends an earlier one. Called on the
     * consumer thread by the error handler, with the records the consumer must fetch again.
     */
    void park(ChannelParked cause, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> firstOffsets =
                records.stream()
                        .collect(
                                Collectors.toMap(
                                        r -> new TopicPartition(r.topic(), r.partition()),
                                        ConsumerRecord::offset,
                                        Math::min));
        firstOffsets.forEach(consumer::seek);
        park(cause);
    }

    void park(ChannelParked cause) {
        ParkedChannel now = new ParkedChannel(cause.reason(), clock.instant(), cause.until());
        parked.accumulateAndGet(
                now, (old, next) -> old != null && old.until().isAfter(next.until()) ? old : next);
        MessageListenerContainer listener = container.get();
        if (listener != null) {
            listener.pause();
        }
        log.warn("Parked {} until {}: {}", listenerId, cause.until(), cause.reason());
    }

    /** Resumes the listener if the resume time has come; returns whether it did. */
    boolean resumeIfDue() {
        ParkedChannel current = parked.get();
        if (current == null || clock.instant().isBefore(current.until())) {
            return false;
        }
        if (!parked.compareAndSet(current, null)) {
            return false;
        }
        MessageListenerContainer listener = container.get();
        if (listener != null) {
            listener.resume();
        }
        log.info(
                "Resumed {} (was parked since {}: {})",
                listenerId,
                current.since(),
                current.reason());
        return true;
    }
}
