package cn.college.disclosure.fakes.campusplatform;

import org.jspecify.annotations.Nullable;

/**
 * What the next {@code times} webhook calls get instead of (or besides) their normal handling.
 *
 * @param times how many calls it applies to
 * @param httpStatus answer this status (500, 503, 429, 400, …) without handling the call
 * @param retryAfter the {@code Retry-After} header to send with it (seconds or an HTTP date)
 * @param body the body to send with it
 * @param delayMillis wait this long before handling (a slow platform)
 * @param applyThenDrop handle the call, then drop the connection before the answer is complete
 */
record ScriptedAnswer(
        int times,
        @Nullable Integer httpStatus,
        @Nullable String retryAfter,
        @Nullable String body,
        @Nullable Long delayMillis,
        @Nullable Boolean applyThenDrop) {

    boolean drops() {
        return Boolean.TRUE.equals(applyThenDrop);
    }

    ScriptedAnswer once() {
        return new ScriptedAnswer(
                times - 1, httpStatus, retryAfter, body, delayMillis, applyThenDrop);
    }
}
