package cn.college.disclosure.core.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The days a statistic covers, in the statistics time zone: {@code firstDay} to {@code lastDay},
 * both included; as instants, {@code [from, to)}. Statistics year N runs from N-1-09-01 to N-08-31.
 *
 * @param year the statistics year, if the period is one
 */
record Period(@Nullable Integer year, LocalDate firstDay, LocalDate lastDay, ZoneId zone) {

    Period {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException(firstDay + " is after " + lastDay);
        }
    }

    static Period year(int year, ZoneId zone) {
        return new Period(year, LocalDate.of(year - 1, 9, 1), LocalDate.of(year, 8, 31), zone);
    }

    static Period between(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        return new Period(null, firstDay, lastDay, zone);
    }

    /** The statistics year that {@code day} belongs to. */
    static int yearOf(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() + 1 : day.getYear();
    }

    static int yearOf(Instant instant, ZoneId zone) {
        return yearOf(instant.atZone(zone).toLocalDate());
    }

    /** The first instant of the period. */
    Instant from() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant to() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    OffsetDateTime fromOffset() {
        return ZonedDateTime.ofInstant(from(), zone).toOffsetDateTime();
    }

    OffsetDateTime toOffset() {
        return ZonedDateTime.ofInstant(to(), zone).toOffsetDateTime();
    }

    /** Whether the statistics year lies wholly inside the period. */
    boolean containsYear(int statisticsYear) {
        Period whole = year(statisticsYear, zone);
        return !whole.firstDay.isBefore(firstDay) && !whole.lastDay.isAfter(lastDay);
    }

    /** The report's wording, e.g. 2020年9月1日-2021年8月31日. */
    String label() {
        return chinese(firstDay) + "-" + chinese(lastDay);
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
