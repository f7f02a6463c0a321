package cn.college.disclosure.core.calendar;

/** No holiday schedule has been loaded or uploaded for the year asked for. */
public class CalendarYearNotFound extends RuntimeException {

    private final int year;

    CalendarYearNotFound(int year) {
        super("No holiday schedule for " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
