package cn.college.disclosure.core.calendar;

/** An admin replaced the schedule of {@code year}: deadlines counted across it may have moved. */
public record WorkingDayCalendarChanged(int year) {}
