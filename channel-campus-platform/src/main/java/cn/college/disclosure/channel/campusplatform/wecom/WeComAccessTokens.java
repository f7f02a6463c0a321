package cn.college.disclosure.channel.campusplatform.wecom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one access token of a WeCom application, owned by the channel's PostgreSQL rather than each
 * JVM, the way channel-wechat's {@code AccessTokens} holds the Official Account's: when it is
 * missing, invalidated or within the margin of its expiry, the instance holding the row lock
 * ({@code select ... for update}) fetches one with {@code gettoken} while the others wait and then
 * read it. A rejected token is invalidated only if it is still the stored one (compare-and-set).
 * WeCom's {@code gettoken} has no {@code force_refresh}, so that part of the WeChat store has no
 * equivalent.
 */
class WeComAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(WeComAccessTokens.class);

    /** A token as WeCom handed it out. */
    record Fetched(String token, Duration expiresIn) {}

    private record Row(@Nullable String token, @Nullable Instant expiresAt) {}

    private final String account;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration margin;
    private final Supplier<Fetched> source;

    WeComAccessTokens(
            String account,
            JdbcClient jdbc,
            TransactionOperations transactions,
            Clock clock,
            Duration margin,
            Supplier<Fetched> source) {
        this.account = account;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.margin = margin;
        this.source = source;
    }

    /** A token valid for at least the margin, fetched if need be (by one instance at a time). */
    String current() {
        Row row = read(false);
        if (usable(row)) {
            return Objects.requireNonNull(row.token());
        }
        return Objects.requireNonNull(transactions.execute(status -> refreshLocked()));
    }

    /**
     * WeCom rejected {@code failed}: forget it, unless another call already replaced it.
     *
     * @return whether the stored token was the failed one
     */
    boolean invalidate(String failed) {
        int changed =
                jdbc.sql(
                                "update wecom_access_token set expires_at = null, updated_at = ?"
                                        + " where account = ? and access_token = ?")
                        .params(now(), account, failed)
                        .update();
        log.warn(
                "WeCom rejected access token …{}; {}",
                tail(failed),
                changed == 1 ? "invalidated it" : "already replaced by another call");
        return changed == 1;
    }

    /** How many tokens this application fetched in all. */
    long fetches() {
        return jdbc.sql(
                        "select coalesce(max(fetches), 0) from wecom_access_token where account = ?")
                .param(account)
                .query(Long.class)
                .single();
    }

    private String refreshLocked() {
        jdbc.sql(
                        "insert into wecom_access_token (account, updated_at) values (?, ?) on"
                                + " conflict (account) do nothing")
                .params(account, now())
                .update();
        Row row = read(true);
        if (usable(row)) {
            // another instance refreshed it while this one waited for the lock
            return Objects.requireNonNull(row.token());
        }
        Fetched fetched = source.get();
        Instant expiresAt = clock.instant().plus(fetched.expiresIn());
        jdbc.sql(
                        "update wecom_access_token set access_token = :token, expires_at = :expires,"
                                + " fetches = fetches + 1, updated_at = :now where account = :account")
                .param("token", fetched.token())
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .param("now", now())
                .param("account", account)
                .update();
        log.info(
                "Fetched WeCom access token …{} for {}, valid until {}",
                tail(fetched.token()),
                account,
                expiresAt);
        return fetched.token();
    }

    private boolean usable(Row row) {
        return row.token() != null
                && row.expiresAt() != null
                && clock.instant().plus(margin).isBefore(row.expiresAt());
    }

    private Row read(boolean lock) {
        return jdbc.sql(
                        "select access_token, expires_at from wecom_access_token where account = ?"
                                + (lock ? " for update" : ""))
                .param(account)
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getString("access_token"),
                                        instant(rs.getTimestamp("expires_at"))))
                .optional()
                .orElse(new Row(null, null));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String tail(String token) {
        return token.length() <= 6 ? token : token.substring(token.length() - 6);
    }
}
