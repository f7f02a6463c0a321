package cn.college.disclosure.channel.wechat.api;

import cn.college.disclosure.channel.runtime.ChannelParked;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuard;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every call to the WeChat API goes through here, through the one {@link ProviderGuard} of {@code
 * wechat-api} (its circuit breaker and rate limiter), and comes out as one of the runtime's facts:
 *
 * <table>
 *   <caption>WeChat's answer and what the call throws</caption>
 *   <tr><th>WeChat</th><th>thrown</th></tr>
 *   <tr><td>−1 busy, 45011 per-minute quota, HTTP 5xx, I/O failure, refused connection,
 *       timeout</td><td>{@link ProviderUnavailable} inside the guard (recorded by the breaker),
 *       out of it a {@link TransientDeliveryFailure} or, while the breaker is open,
 *       {@link ChannelParked}</td></tr>
 *   <tr><td>40001/40014/42001 still failing after the client's one refresh</td>
 *       <td>{@link TransientDeliveryFailure}</td></tr>
 *   <tr><td>45009 daily API quota</td><td>{@link ChannelParked} until midnight in
 *       {@code quota-zone} (China time)</td></tr>
 *   <tr><td>any other errcode: an answer about the content or the account (47001, 53503…,
 *       40007, 45002…, 48001)</td><td>{@link WeChatRefused}</td></tr>
 * </table>
 *
 * <p>{@link #create} is for the two calls that make something on WeChat ({@code draft/add}, {@code
 * freepublish/submit}): when the call may have been applied and only the answer was lost (dropped
 * connection, read timeout), it throws {@link WeChatAnswerLost} instead of a transient failure, so
 * that the runtime asks ({@code reconcile}) before anything is pushed again.
 */
public class WeChatCalls {

    private final ProviderGuard guard;
    private final Clock clock;
    private final ZoneId quotaZone;

    public WeChatCalls(ProviderGuard guard, Clock clock, ZoneId quotaZone) {
        this.guard = guard;
        this.clock = clock;
        this.quotaZone = quotaZone;
    }

    /** Runs a call that may be repeated freely (a question, an upload, a delete). */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return guard.call(
                    what,
                    () -> {
                        try {
                            return call.get();
                        } catch (WeChatUnreachable e) {
                            throw new ProviderUnavailable(e.getMessage(), e);
                        } catch (WeChatRefused e) {
                            if (e.kind() == WeChatErrors.Kind.TRANSIENT) {
                                throw new ProviderUnavailable(e.getMessage(), e);
                            }
                            throw e;
                        }
                    });
        } catch (WeChatRefused e) {
            switch (e.kind()) {
                case TOKEN -> throw new TransientDeliveryFailure(e.getMessage(), e);
                case DAILY_QUOTA -> throw new ChannelParked(nextMidnight(), e.getMessage());
                default -> throw e;
            }
        }
    }

    /**
     * Runs a call that makes something on WeChat; a lost answer to it is {@link WeChatAnswerLost}.
     */
    public <T> T create(String what, Supplier<T> call) {
        AtomicReference<@Nullable WeChatUnreachable> lost = new AtomicReference<>();
        try {
            return call(
                    what,
                    () -> {
                        try {
                            return call.get();
                        } catch (WeChatUnreachable e) {
                            if (e.mayHaveApplied()) {
                                lost.set(e);
                            }
                            throw e;
                        }
                    });
        } catch (TransientDeliveryFailure | ChannelParked e) {
            // also when this very failure opened the breaker (the guard then parks): the call may
            // have been applied all the same
            WeChatUnreachable unreachable = lost.get();
            if (unreachable != null) {
                throw new WeChatAnswerLost(unreachable);
            }
            throw e;
        }
    }

    /** The breaker's state, for tests and operators. */
    public ProviderGuard guard() {
        return guard;
    }

    /** Midnight after now in the quota's zone, when WeChat's daily quotas start again. */
    public Instant nextMidnight() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(quotaZone)).plusDays(1);
        return tomorrow.atStartOfDay(quotaZone).toInstant();
    }
}
