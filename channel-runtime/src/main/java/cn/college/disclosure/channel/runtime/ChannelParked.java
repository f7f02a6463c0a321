package cn.college.disclosure.channel.runtime;

import java.time.Instant;

/**
 * The provider will take nothing from this channel until {@link #until()}: a daily quota is spent
 * (WeChat 45009), a circuit breaker is open. An adapter throws it instead of failing the item. The
 * runtime then reports the delivery RETRYING with the reason and the resume time, pauses the
 * channel's listener without spending a retry or dead-lettering the record, and at {@code until}
 * resumes and handles the same record again.
 */
public class ChannelParked extends RuntimeException {

    private final Instant until;
    private final String reason;

    public ChannelParked(Instant until, String reason) {
        super("%s; paused until %s".formatted(reason, until));
        this.until = until;
        this.reason = reason;
    }

    /** When the provider will take calls again. */
    public Instant until() {
        return until;
    }

    /** Why, for people: the provider's error code and message. */
    public String reason() {
        return reason;
    }
}
