package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelParking;
import cn.college.disclosure.channel.runtime.ChannelStatusProperties;
import cn.college.disclosure.channel.runtime.ParkedChannel;
import cn.college.disclosure.channel.runtime.ProviderHealth;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ChannelStatusReported;
import cn.college.disclosure.contract.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Sends the channel's {@link ChannelStatusReported} to {@link Topics#CHANNEL_STATUS}: when what it
 * says changes (looked at every second at most) and every {@code channel.runtime.status.interval}
 * regardless, so that silence means the service is gone. A last report with {@code up=false} is
 * sent when the service stops. Sending never blocks delivery: it runs on its own thread, and a
 * report that cannot be sent is dropped (the next one follows).
 */
class ChannelStatusReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelStatusReporter.class);

    private final Channel channel;
    private final String instance;
    private final KafkaOperations<Object, Object> kafka;
    private final ChannelParking parking;
    private final Supplier<@Nullable MessageListenerContainer> container;
    private final Supplier<@Nullable ProviderHealth> health;
    private final Deliveries ledger;
    private final Clock clock;
    private final ChannelStatusProperties settings;
    private boolean running;
    private @Nullable State lastSent;
    private @Nullable Instant lastSentAt;

    ChannelStatusReporter(
            Channel channel,
            KafkaOperations<Object, Object> kafka,
            ChannelParking parking,
            Supplier<@Nullable MessageListenerContainer> container,
            Supplier<@Nullable ProviderHealth> health,
            Deliveries ledger,
            Clock clock,
            ChannelStatusProperties settings) {
        this.channel = channel;
        this.kafka = kafka;
        this.parking = parking;
        this.container = container;
        this.health = health;
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
        this.instance = settings.instance() == null ? defaultInstance() : settings.instance();
    }

    /** What a report says, apart from its id and time: a change of this is sent at once. */
    record State(
            boolean up,
            boolean paused,
            @Nullable String pausedReason,
            @Nullable Instant resumesAt,
            @Nullable String circuitBreaker) {}

    State state() {
        MessageListenerContainer listener = container.get();
        ParkedChannel parked = parking.parked().orElse(null);
        ProviderHealth provider = health.get();
        return new State(
                listener != null && listener.isRunning(),
                parked != null,
                parked == null ? null : parked.reason(),
                parked == null ? null : parked.until(),
                provider == null ? null : provider.circuitBreaker());
    }

    /** Sends a report if the state changed or the interval passed; returns whether it did. */
    synchronized boolean reportIfDue() {
        State now = state();
        Instant at = clock.instant();
        if (Objects.equals(now, lastSent)
                && lastSentAt != null
                && at.isBefore(lastSentAt.plus(settings.interval()))) {
            return false;
        }
        send(now, at);
        lastSent = now;
        lastSentAt = at;
        return true;
    }

    ChannelStatusReported report(State state, Instant at) {
        Instant lastSuccess;
        try {
            lastSuccess = ledger.lastDeliveredAt().orElse(null);
        } catch (RuntimeException e) {
            // the database is away: the report still says the service is alive
            lastSuccess = null;
        }
        return new ChannelStatusReported(
                UUID.randomUUID(),
                channel,
                instance,
                at,
                state.up(),
                state.paused(),
                state.pausedReason(),
                state.resumesAt(),
                state.circuitBreaker(),
                lastSuccess);
    }

    private void send(State state, Instant at) {
        ChannelStatusReported report = report(state, at);
        kafka.send(Topics.CHANNEL_STATUS, report.key(), report)
                .whenComplete(
                        (result, failure) -> {
                            if (failure != null) {
                                log.debug("Status report not sent: {}", failure.toString());
                            }
                        });
    }

    /** Starts the reports; the channel's job ({@link #tick}) sends them. */
    @Override
    public synchronized void start() {
        running = settings.enabled();
    }

    /** How often the job looks at the state: at most a second, so that a change goes out soon. */
    Duration tick() {
        return Duration.ofMillis(Math.max(50, Math.min(1000, settings.interval().toMillis())));
    }

    /** The scheduled job: reports while the service runs. */
    void reportWhileRunning() {
        if (isRunning()) {
            reportIfDue();
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            State current = state();
            ChannelStatusReported last =
                    report(
                            new State(
                                    false,
                                    current.paused(),
                                    current.pausedReason(),
                                    current.resumesAt(),
                                    current.circuitBreaker()),
                            clock.instant());
            kafka.send(Topics.CHANNEL_STATUS, last.key(), last).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Last status report not sent: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Stops before the listener containers, so the last report goes out while all is well. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static String defaultInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
