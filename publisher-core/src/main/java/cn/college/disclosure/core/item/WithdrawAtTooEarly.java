package cn.college.disclosure.core.item;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An item's {@code withdrawAt} is not in the future, or not after its {@code publishAt}. */
public class WithdrawAtTooEarly extends RuntimeException {

    public WithdrawAtTooEarly(Instant withdrawAt, @Nullable Instant publishAt, Instant now) {
        super(
                "withdrawAt (%s) must be in the future (now %s) and after publishAt (%s)"
                        .formatted(withdrawAt, now, publishAt));
    }

    public String field() {
        return "withdrawAt";
    }
}
