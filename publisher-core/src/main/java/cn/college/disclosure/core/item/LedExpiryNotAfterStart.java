package cn.college.disclosure.core.item;

import java.time.Instant;

/** An item's LED expiry is not after its LED start, so the screens would never show it. */
public class LedExpiryNotAfterStart extends RuntimeException {

    public LedExpiryNotAfterStart(Instant startAt, Instant expireAt) {
        super("ledExpireAt (%s) must be after ledStartAt (%s)".formatted(expireAt, startAt));
    }

    public String field() {
        return "ledExpireAt";
    }
}
