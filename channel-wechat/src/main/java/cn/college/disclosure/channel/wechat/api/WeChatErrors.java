package cn.college.disclosure.channel.wechat.api;

import java.util.Set;

/** What a WeChat error code means for the delivery that met it. */
public final class WeChatErrors {

    /** The classes of answer that decide between retry, park and fail. */
    public enum Kind {
        /** Busy or rate-limited: retried with the runtime's backoff. */
        TRANSIENT,
        /** The access token is invalid or expired: refreshed once and the call retried once. */
        TOKEN,
        /** The day's API quota is spent: nothing is called until midnight China time. */
        DAILY_QUOTA,
        /** WeChat refused the item or the account: FAILED at once, with the code and message. */
        REFUSED
    }

    /** 40001 not latest / invalid, 40014 invalid, 42001 expired. */
    public static final Set<Integer> TOKEN_CODES = Set.of(40001, 40014, 42001);

    private WeChatErrors() {}

    public static Kind classify(int errcode) {
        if (errcode == -1 || errcode == 45011) {
            return Kind.TRANSIENT;
        }
        if (TOKEN_CODES.contains(errcode)) {
            return Kind.TOKEN;
        }
        if (errcode == 45009) {
            return Kind.DAILY_QUOTA;
        }
        // 48001, 47001, 53503-53505, field limits (45002-45004, 45110), invalid media (40007), ...
        return Kind.REFUSED;
    }
}
