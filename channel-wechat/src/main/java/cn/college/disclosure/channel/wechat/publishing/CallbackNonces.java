package cn.college.disclosure.channel.wechat.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replay protection of the callback, shared by every instance through {@code
 * wechat_callback_nonce}: a push is taken only if its timestamp is within {@code maxSkew} of the
 * channel's clock and its nonce was not seen within twice that window (the longest a push with the
 * same nonce could still pass the timestamp check). Expired nonces are deleted as pushes arrive.
 */
class CallbackNonces {

    /** Why a signed push is refused, or that it is taken. */
    enum Verdict {
        TAKEN,
        STALE,
        REPLAYED
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxSkew;

    CallbackNonces(JdbcClient jdbc, Clock clock, Duration maxSkew) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** Records the nonce if the push is fresh and new; the signature was already checked. */
    Verdict admit(String timestamp, String nonce) {
        Instant now = clock.instant();
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (RuntimeException e) {
            return Verdict.STALE;
        }
        if (Duration.between(sent, now).abs().compareTo(maxSkew) > 0) {
            return Verdict.STALE;
        }
        jdbc.sql("delete from wechat_callback_nonce where seen_at < ?")
                .param(now.minus(maxSkew.multipliedBy(2)).atOffset(ZoneOffset.UTC))
                .update();
        int inserted =
                jdbc.sql(
                                "insert into wechat_callback_nonce (nonce, seen_at) values (?, ?)"
                                        + " on conflict (nonce) do nothing")
                        .params(nonce, now.atOffset(ZoneOffset.UTC))
                        .update();
        return inserted == 1 ? Verdict.TAKEN : Verdict.REPLAYED;
    }

    /** Handling the push failed: WeChat's retry with the same nonce must not be refused. */
    void forget(String nonce) {
        jdbc.sql("delete from wechat_callback_nonce where nonce = ?").param(nonce).update();
    }
}
