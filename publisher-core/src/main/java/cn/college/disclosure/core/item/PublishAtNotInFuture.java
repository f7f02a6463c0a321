package cn.college.disclosure.core.item;

import java.time.Instant;

/** An item's {@code publishAt} is not in the future. */
public class PublishAtNotInFuture extends RuntimeException {

    public PublishAtNotInFuture(Instant publishAt, Instant now) {
        super("publishAt (%s) must be in the future (now %s)".formatted(publishAt, now));
    }

    public String field() {
        return "publishAt";
    }
}
