package cn.college.disclosure.channel.runtime.token;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one access token of an account, owned by the channel's PostgreSQL instead of each JVM: every
 * instance reads it from the channel's token table; when it is missing, invalidated or within
 * {@code margin} of its expiry, the instance that takes the row lock ({@code select ... for
 * update}) fetches a new one while the others wait, then read what it stored. So two instances
 * starting together fetch one token.
 *
 * <p>A rejected token is invalidated only if it is still the stored one (compare-and-set), so an
 * instance that failed with an old token does not throw away the fresh one; the failed token is
 * remembered in {@code invalidated_token}. When the source hands that very token back, the {@link
 * HandedBack} hook decides what to store (WeChat fetches once more with {@code force_refresh}).
 *
 * <p>The table has the columns {@code <key column> primary key, access_token, expires_at,
 * invalidated_token, fetches (not null default 0), updated_at (not null)}.
 */
public final class SharedAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(SharedAccessTokens.class);

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    /** Fetches a fresh token from the provider. */
    @FunctionalInterface
    public interface Source {
        Fetched fetch();
    }

    /**
     * What to store when the source handed back the token that just failed. Called in the refresh
     * transaction, with the row locked.
     */
    @FunctionalInterface
    public interface HandedBack {
        Fetched handedBack(Fetched fetched);

        /** Store it anyway. */
        static HandedBack keep() {
            return fetched -> fetched;
        }
    }

    /** A token as the provider handed it out. */
    public record Fetched(String token, Duration expiresIn) {}

    private record Row(
            @Nullable String token, @Nullable Instant expiresAt, @Nullable String invalidated) {}

    private final String table;
    private final String keyColumn;
    private final String key;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration margin;
    private final Source source;
    private final HandedBack handedBack;

    /**
     * @param table the token table in the channel's schema ({@code [a-z_]+})
     * @param keyColumn its primary key column ({@code [a-z_]+})
     * @param key the account whose token this is
     */
    public SharedAccessTokens(
            String table,
            String keyColumn,
            String key,
            JdbcClient jdbc,
            TransactionOperations transactions,
            Clock clock,
            Duration margin,
            Source source,
            HandedBack handedBack) {
        this.table = name(table);
        this.keyColumn = name(keyColumn);
        this.key = key;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.margin = margin;
        this.source = source;
        this.handedBack = handedBack;
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
     * The provider rejected {@code failed} as invalid or expired: forget it, unless another call
     * already replaced it.
     *
     * @return whether the stored token was the failed one
     */
    public boolean invalidate(String failed) {
        int changed =
                jdbc.sql(
                                "update %s set expires_at = null, invalidated_token = access_token,"
                                                .formatted(table)
                                        + " updated_at = ? where %s = ? and access_token = ?"
                                                .formatted(keyColumn))
                        .params(now(), key, failed)
                        .update();
        log.warn(
                "Access token …{} of {} rejected; {}",
                tail(failed),
                key,
                changed == 1 ? "invalidated it" : "already replaced by another call");
        return changed == 1;
    }

    /** How many tokens this account fetched in all (for tests and metrics). */
    public long fetches() {
        return jdbc.sql(
                        "select coalesce(max(fetches), 0) from %s where %s = ?"
                                .formatted(table, keyColumn))
                .param(key)
                .query(Long.class)
                .single();
    }

    private String refreshLocked() {
        jdbc.sql(
                        "insert into %s (%s, updated_at) values (?, ?) on conflict (%s) do nothing"
                                .formatted(table, keyColumn, keyColumn))
                .params(key, now())
                .update();
        Row row = read(true);
        if (usable(row)) {
            // another instance refreshed it while this one waited for the lock
            return Objects.requireNonNull(row.token());
        }
        Fetched fetched = source.fetch();
        if (fetched.token().equals(row.invalidated())) {
            fetched = handedBack.handedBack(fetched);
        }
        Instant expiresAt = clock.instant().plus(fetched.expiresIn());
        jdbc.sql(
                        "update %s set access_token = :token, expires_at = :expires,"
                                        .formatted(table)
                                + " fetches = fetches + 1, updated_at = :now where %s = :key"
                                        .formatted(keyColumn))
                .param("token", fetched.token())
                .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .param("now", now())
                .param("key", key)
                .update();
        log.info(
                "Fetched access token …{} for {}, valid until {}",
                tail(fetched.token()),
                key,
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
                        "select access_token, expires_at, invalidated_token from %s where %s = ?"
                                        .formatted(table, keyColumn)
                                + (lock ? " for update" : ""))
                .param(key)
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getString("access_token"),
                                        instant(rs.getTimestamp("expires_at")),
                                        rs.getString("invalidated_token")))
                .optional()
                .orElse(new Row(null, null, null));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
        return name;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String tail(String token) {
        return token.length() <= 6 ? token : token.substring(token.length() - 6);
    }
}
