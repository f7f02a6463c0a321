package cn.college.disclosure.core.web;

import java.io.IOException;

/** A request body went over the limit while it was being read. */
class RequestTooLarge extends IOException {

    private final long limit;

    RequestTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The most bytes a request body may have. */
    long limit() {
        return limit;
    }
}
