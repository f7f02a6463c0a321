package cn.college.disclosure.core.calendar;

/** An uploaded calendar year is inconsistent; {@link #field()} names where. */
public class CalendarYearRejected extends RuntimeException {

    private final String field;

    CalendarYearRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field of the upload, e.g. {@code workdays}. */
    public String field() {
        return field;
    }
}
