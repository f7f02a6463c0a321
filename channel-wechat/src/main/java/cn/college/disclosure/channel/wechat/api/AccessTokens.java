package cn.college.disclosure.channel.wechat.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one access token of an AppID, owned by the channel's PostgreSQL instead of each JVM: every
 * instance reads it from {@code wechat_access_token}; when it is missing, invalidated or within
 * {@code margin} of its expiry, the instance that takes the row lock ({@code select ... for
 * update}) fetches a new one while the others wait, then read what it stored. So two instances
 * starting together fetch one token.
 *
 * <p>A token WeChat rejected is invalidated only if it is still the stored one (compare-and-set),
 * so an instance that failed with an old token does not throw away the fresh one. {@code
 * force_refresh} is used only when WeChat hands back the very token that just failed, and at most
 * once per {@code forceRefreshMinInterval}: there is no loop on it.
 */
public class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    /** Fetches a token from WeChat ({@code cgi-bin/stable_token}). */
    public interface Source {
        Fetched fetch(boolean forceRefresh);
    }

    /** A token as WeChat handed it out. */
    public record Fetched(String token, Duration expiresIn) {}

    private record Row(
            @Nullable String token,
            @Nullable Instant expiresAt,
            @Nullable String invalidated,
            @Nullable Instant forcedAt) {}

    private final String appId;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration margin;
    private final Duration forceRefreshMinInterval;
    private @Nullable Source source;

    public AccessTokens(
            String appId,
            JdbcClient jdbc,
            TransactionOperations transactions,
            Clock clock,
            Duration margin,
            Duration forceRefreshMinInterval) {
        this.appId = appId;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.margin = margin;
        this.forceRefreshMinInterval = forceRefreshMinInterval;
    }

    public void fetchWith(Source source) {
        this.source = source;
    }

    /** A token valid for at least the margin, fetched if need be (by one instance at a time). */
    public String current() {
        Row row = read(false);
        if (usable(row)) {
            return Objects.requireNonNull(row.token());
        }
        return Objects.requireNonNull(transactions.execute(status -> refreshLocked()));
    }

    /**
     * WeChat rejected {@code failed} as invalid or expired: forget it, unless another call already
     * replaced it.
     *
     * @return whether the stored token was the failed one
     */
    public boolean invalidate(String failed) {
        int changed =
                jdbc.sql(
                                "update wechat_access_token set expires_at = null, invalidated_token"
                                        + " = access_token, updated_at = ? where app_id = ? and"
                                        + " access_token = ?")
                        .params(now(), appId, failed)
                        .update();
        log.warn(
                "WeChat rejected access token …{}; {}",
                tail(failed),
                changed == 1 ? "invalidated it" : "already replaced by another call");
        return changed == 1;
    }

    /** How many tokens this AppID fetched in all (for tests and metrics). */
    public long fetches() {
        return jdbc.sql(
                        "select coalesce(max(fetches), 0) from wechat_access_token where app_id = ?")
                .param(appId)
                .query(Long.class)
                .single();
    }

    private String refreshLocked() {
        jdbc.sql(
                        "insert into wechat_access_token (app_id, updated_at) values (?, ?) on"
                                + " conflict (app_id) do nothing")
                .params(appId, now())
                .update();
        Row row = read(true);
        if (usable(row)) {
            // another instance refreshed it while this one waited for the lock
            return Objects.requireNonNull(row.token());
        }
        Source from = Objects.requireNonNull(source, "no token source");
        Fetched fetched = from.fetch(false);
        boolean forced = false;
        if (fetched.token().equals(row.invalidated()) && mayForce(row)) {
            log.warn(
                    "WeChat handed back the token that just failed; fetching once with force_refresh");
            fetched = from.fetch(true);
            forced = true;
        }
        Instant expiresAt = clock.instant().plus(fetched.expiresIn());
        jdbc.sql(
                        "update wechat_access_token set access_token = :token, expires_at = :expires,"
                                + " fetches = fetches + 1, forced_at = case when :forced then :now"
                                + " else forced_at end, updated_at = :now where app_id = :app")
                .param("token", fetched.token())
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .param("forced", forced)
                .param("now", now())
                .param("app", appId)
                .update();
        log.info(
                "Fetched access token …{} for {}, valid until {}{}",
                tail(fetched.token()),
                appId,
                expiresAt,
                forced ? " (force_refresh)" : "");
        return fetched.token();
    }

    private boolean mayForce(Row row) {
        return row.forcedAt() == null
                || row.forcedAt().plus(forceRefreshMinInterval).isBefore(clock.instant());
    }

    private boolean usable(Row row) {
        return row.token() != null
                && row.expiresAt() != null
                && clock.instant().plus(margin).isBefore(row.expiresAt());
    }

    private Row read(boolean lock) {
        return jdbc.sql(
                        "select access_token, expires_at, invalidated_token, forced_at from"
                                + " wechat_access_token where app_id = ?"
                                + (lock ? " for update" : ""))
                .param(appId)
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getString("access_token"),
                                        instant(rs.getTimestamp("expires_at")),
                                        rs.getString("invalidated_token"),
                                        instant(rs.getTimestamp("forced_at"))))
                .optional()
                .orElse(new Row(null, null, null, null));
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
