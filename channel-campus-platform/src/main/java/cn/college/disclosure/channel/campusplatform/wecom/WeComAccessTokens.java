package cn.college.disclosure.channel.campusplatform.wecom;

import cn.college.disclosure.channel.runtime.token.SharedAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one access token of a WeCom application in {@code wecom_access_token}, shared by every
 * instance through the channel runtime's {@link SharedAccessTokens} (row lock, refresh margin,
 * compare-and-set invalidation), fetched with {@code gettoken}. WeCom's {@code gettoken} has no
 * {@code force_refresh}, so a token handed back after it failed is simply stored.
 */
class WeComAccessTokens {

    /** A token as WeCom handed it out. */
    record Fetched(String token, Duration expiresIn) {}

    private final SharedAccessTokens shared;

    WeComAccessTokens(
            String account,
            JdbcClient jdbc,
            TransactionOperations transactions,
            Clock clock,
            Duration margin,
            Supplier<Fetched> source) {
        this.shared =
                new SharedAccessTokens(
                        "wecom_access_token",
                        "account",
                        account,
                        jdbc,
                        transactions,
                        clock,
                        margin,
                        () -> {
                            Fetched fetched = source.get();
                            return new SharedAccessTokens.Fetched(
                                    fetched.token(), fetched.expiresIn());
                        },
                        SharedAccessTokens.HandedBack.keep());
    }

    /** A token valid for at least the margin, fetched if need be (by one instance at a time). */
    String current() {
        return shared.current();
    }

    /**
     * WeCom rejected {@code failed}: forget it, unless another call already replaced it.
     *
     * @return whether the stored token was the failed one
     */
    boolean invalidate(String failed) {
        return shared.invalidate(failed);
    }

    /** How many tokens this application fetched in all. */
    long fetches() {
        return shared.fetches();
    }
}
