package cn.college.disclosure.channel.wechat.api;

import cn.college.disclosure.channel.runtime.token.SharedAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one access token of an AppID in {@code wechat_access_token}, shared by every instance through
 * the channel runtime's {@link SharedAccessTokens} (row lock, refresh margin, compare-and-set
 * invalidation).
 *
 * <p>What is WeChat's own: {@code force_refresh} is used only when WeChat hands back the very token
 * that just failed, and at most once per {@code forceRefreshMinInterval} ({@code forced_at}): there
 * is no loop on it.
 */
public class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    /** Fetches a token from WeChat ({@code cgi-bin/stable_token}). */
    public interface Source {
        Fetched fetch(boolean forceRefresh);
    }

    /** A token as WeChat handed it out. */
    public record Fetched(String token, Duration expiresIn) {}

    private final String appId;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration forceRefreshMinInterval;
    private final SharedAccessTokens shared;
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
        this.clock = clock;
        this.forceRefreshMinInterval = forceRefreshMinInterval;
        this.shared =
                new SharedAccessTokens(
                        "wechat_access_token",
                        "app_id",
                        appId,
                        jdbc,
                        transactions,
                        clock,
                        margin,
                        () -> fetch(false),
                        this::handedBack);
    }

    public void fetchWith(Source source) {
        this.source = source;
    }

    /** A token valid for at least the margin, fetched if need be (by one instance at a time). */
    public String current() {
        return shared.current();
    }

    /**
     * WeChat rejected {@code failed} as invalid or expired: forget it, unless another call already
     * replaced it.
     *
     * @return whether the stored token was the failed one
     */
    public boolean invalidate(String failed) {
        return shared.invalidate(failed);
    }

    /** How many tokens this AppID fetched in all (for tests and metrics). */
    public long fetches() {
        return shared.fetches();
    }

    private SharedAccessTokens.Fetched fetch(boolean forceRefresh) {
        Fetched fetched = Objects.requireNonNull(source, "no token source").fetch(forceRefresh);
        return new SharedAccessTokens.Fetched(fetched.token(), fetched.expiresIn());
    }

    /** WeChat handed back the token that just failed (the row is locked). */
    private SharedAccessTokens.Fetched handedBack(SharedAccessTokens.Fetched fetched) {
        if (!mayForce()) {
            return fetched;
        }
        log.warn("WeChat handed back the token that just failed; fetching once with force_refresh");
        SharedAccessTokens.Fetched forced = fetch(true);
        jdbc.sql("update wechat_access_token set forced_at = ? where app_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), appId)
                .update();
        return forced;
    }

    /** Not forced within {@code forceRefreshMinInterval}. */
    private boolean mayForce() {
        return !jdbc.sql(
                        "select exists (select 1 from wechat_access_token where app_id = ? and"
                                + " forced_at >= ?)")
                .params(
                        appId,
                        clock.instant().minus(forceRefreshMinInterval).atOffset(ZoneOffset.UTC))
                .query(Boolean.class)
                .single();
    }
}
