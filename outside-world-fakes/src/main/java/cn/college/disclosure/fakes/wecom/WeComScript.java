package cn.college.disclosure.fakes.wecom;

import org.jspecify.annotations.Nullable;

/**
 * What the next {@code times} calls of an endpoint do instead of their normal work.
 *
 * @param endpoint {@code gettoken}, {@code message/send} or {@code message/recall}
 * @param times how many calls it applies to
 * @param errcode answer this WeCom error code instead
 * @param httpStatus answer this HTTP status with an empty body instead
 * @param expireToken expire every token first, so the call fails with 42001
 * @param applyThenDrop do the work, then drop the connection before the answer is complete
 */
record WeComScript(
        String endpoint,
        int times,
        @Nullable Integer errcode,
        @Nullable Integer httpStatus,
        @Nullable Boolean expireToken,
        @Nullable Boolean applyThenDrop) {

    boolean drops() {
        return Boolean.TRUE.equals(applyThenDrop);
    }

    boolean expires() {
        return Boolean.TRUE.equals(expireToken);
    }

    WeComScript once() {
        return new WeComScript(
                endpoint, times - 1, errcode, httpStatus, expireToken, applyThenDrop);
    }
}
