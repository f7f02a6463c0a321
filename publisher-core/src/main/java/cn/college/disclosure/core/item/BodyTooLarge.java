package cn.college.disclosure.core.item;

/** An item's body is over the size the office accepts. */
public class BodyTooLarge extends RuntimeException {

    private final long limitBytes;

    public BodyTooLarge(long actualBytes, long limitBytes) {
        super(
                "The body has "
                        + actualBytes
                        + " bytes (UTF-8); at most "
                        + limitBytes
                        + " are accepted");
        this.limitBytes = limitBytes;
    }

    public String field() {
        return "body";
    }

    public long limitBytes() {
        return limitBytes;
    }
}
