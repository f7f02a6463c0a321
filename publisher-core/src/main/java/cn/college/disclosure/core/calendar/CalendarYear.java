package cn.college.disclosure.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One year of the State Council's holiday schedule: the file's and the upload's shape.
 *
 * @param year the calendar year the schedule is for
 * @param source the notice it comes from, e.g. 国办发明电〔2020〕27号
 * @param holidays the days off, as the notice's ranges (weekends inside a range included)
 * @param workdays the 调休 Saturdays and Sundays that are working days
 */
record CalendarYear(
        int year,
        @Nullable String source,
        @Nullable List<Holiday> holidays,
        @Nullable List<LocalDate> workdays) {

    /** One holiday of the notice, e.g. 国庆节 from 10-01 to 10-07. */
    record Holiday(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to) {}

    /** The shipped file: a version and its years. */
    record File(String version, @Nullable String source, List<CalendarYear> years) {}

    /**
     * Checks the schedule is internally consistent and belongs to {@code expectedYear}.
     *
     * @throws CalendarYearRejected naming the first offending field
     */
    void validate(int expectedYear) {
        if (year != expectedYear) {
            throw new CalendarYearRejected(
                    "year", "The body is for " + year + ", the path for " + expectedYear);
        }
        if (holidays == null || holidays.isEmpty()) {
            throw new CalendarYearRejected("holidays", "A year has at least one holiday");
        }
        Set<LocalDate> off = new HashSet<>();
        for (Holiday holiday : holidays) {
            if (holiday.name() == null || holiday.name().isBlank()) {
                throw new CalendarYearRejected("holidays.name", "Every holiday has a name");
            }
            if (holiday.from() == null || holiday.from().getYear() != year) {
                throw new CalendarYearRejected(
                        "holidays.from", holiday.name() + " must start in " + year);
            }
            if (holiday.to() == null
                    || holiday.to().getYear() != year
                    || holiday.to().isBefore(holiday.from())) {
                throw new CalendarYearRejected(
                        "holidays.to",
                        holiday.name() + " must end in " + year + " on or after its first day");
            }
            if (holiday.from().plusDays(15).isBefore(holiday.to())) {
                throw new CalendarYearRejected(
                        "holidays.to", holiday.name() + " is longer than 16 days");
            }
            holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(off::add);
        }
        for (LocalDate day : workdays == null ? List.<LocalDate>of() : workdays) {
            if (day == null || day.getYear() != year) {
                throw new CalendarYearRejected("workdays", "Make-up working days lie in " + year);
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new CalendarYearRejected(
                        "workdays", day + " is a " + day.getDayOfWeek() + ", not a weekend day");
            }
            if (off.contains(day)) {
                throw new CalendarYearRejected("workdays", day + " is also a holiday");
            }
        }
    }

    Set<LocalDate> daysOff() {
        Set<LocalDate> off = new HashSet<>();
        for (Holiday holiday : holidays == null ? List.<Holiday>of() : holidays) {
            if (holiday.from() != null && holiday.to() != null) {
                holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(off::add);
            }
        }
        return off;
    }

    Set<LocalDate> makeUpWorkdays() {
        return workdays == null ? Set.of() : Set.copyOf(workdays);
    }
}
