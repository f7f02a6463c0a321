package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An LED-screen channel whose provider does per item what the test scripted. */
class ScriptedAdapter implements ChannelAdapter {

    enum Script {
        DELIVER,
        /** Delivers, leaving out an image the screen cannot show. */
        DELIVER_WITH_WARNING,
        FAIL_TRANSIENTLY,
        /** The provider is away for {@link #DOWN_FOR} tries, then delivers. */
        DOWN_FOR_A_WHILE,
        /** The provider's breaker stays open: every try parks the channel for a moment. */
        PARK_FOR_EVER,
        /** The provider answers that it will never take the item. */
        REFUSE,
        ACCEPT_AND_CONFIRM_LATER
    }

    /** More tries than the runtime's old retry layer had in all (6). */
    static final int DOWN_FOR = 10;

    static final DeliveryWarning WARNING =
            new DeliveryWarning(DeliveryWarning.IMAGE_TOO_LARGE, "https://www.example.edu/a.png");

    private final Map<UUID, Script> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> publishes = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> live = new ConcurrentHashMap<>();

    void script(UUID itemId, Script script) {
        scripts.put(itemId, script);
    }

    int publishes(UUID itemId) {
        return publishes.getOrDefault(itemId, new AtomicInteger()).get();
    }

    @Override
    public Channel channel() {
        return Channel.LED_SCREEN;
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        publishes.computeIfAbsent(request.itemId(), id -> new AtomicInteger()).incrementAndGet();
        return switch (scripts.getOrDefault(request.itemId(), Script.DELIVER)) {
            case DELIVER -> {
                live.put(request.itemId(), request.version());
                yield DeliveryOutcome.delivered(url(request.itemId()), "screen-1");
            }
            case DELIVER_WITH_WARNING -> {
                live.put(request.itemId(), request.version());
                yield DeliveryOutcome.delivered(
                        url(request.itemId()), "screen-1", List.of(WARNING));
            }
            case FAIL_TRANSIENTLY -> throw new TransientDeliveryFailure("screen controller busy");
            case DOWN_FOR_A_WHILE -> {
                if (publishes(request.itemId()) <= DOWN_FOR) {
                    throw new ProviderUnavailable("connection refused");
                }
                live.put(request.itemId(), request.version());
                yield DeliveryOutcome.delivered(url(request.itemId()), "screen-1");
            }
            case REFUSE -> DeliveryOutcome.failed("text refused by the controller: 400");
            case PARK_FOR_EVER ->
                    throw new ChannelParked(
                            Instant.now().plusMillis(50), "circuit breaker screen-api is OPEN");
            case ACCEPT_AND_CONFIRM_LATER -> {
                live.put(request.itemId(), request.version());
                yield DeliveryOutcome.pending("job-" + request.itemId(), "queued on screen 1");
            }
        };
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        live.remove(retraction.itemId());
        return DeliveryOutcome.retracted();
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        Integer version = live.get(attempt.itemId());
        return version != null && version == attempt.version()
                ? DeliveryOutcome.delivered(url(attempt.itemId()), attempt.externalRef())
                : DeliveryOutcome.absent();
    }

    private static URI url(UUID itemId) {
        return URI.create("led://screen-1/" + itemId);
    }
}
