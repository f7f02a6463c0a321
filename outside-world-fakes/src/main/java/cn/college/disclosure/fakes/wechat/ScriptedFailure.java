package cn.college.disclosure.fakes.wechat;

import org.jspecify.annotations.Nullable;

/**
 * What the next {@code times} calls of an endpoint do instead of (or besides) their normal work.
 *
 * @param endpoint the path after {@code /cgi-bin/}, e.g. {@code draft/add}, {@code
 *     freepublish/submit}, {@code stable_token}
 * @param times how many calls it applies to
 * @param errcode answer this WeChat error code instead
 * @param errmsg with this message
 * @param httpStatus answer this HTTP status (e.g. 502) with an empty body instead
 * @param delayMillis wait this long before handling
 * @param applyThenDrop do the work, then close the connection without answering (the client sees no
 *     response at all, as when a connection drops after WeChat applied the call)
 * @param answerDelayMillis do the work, then wait this long before answering: longer than the
 *     client's read timeout, WeChat applied the call but never answered
 * @param expireToken expire every access token before handling, so the call fails with 42001
 */
record ScriptedFailure(
        String endpoint,
        int times,
        @Nullable Integer errcode,
        @Nullable String errmsg,
        @Nullable Integer httpStatus,
        @Nullable Long delayMillis,
        @Nullable Boolean applyThenDrop,
        @Nullable Long answerDelayMillis,
        @Nullable Boolean expireToken) {

    boolean drops() {
        return Boolean.TRUE.equals(applyThenDrop);
    }

    boolean expires() {
        return Boolean.TRUE.equals(expireToken);
    }
}
