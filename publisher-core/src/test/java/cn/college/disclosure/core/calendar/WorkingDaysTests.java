package cn.college.disclosure.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class WorkingDaysTests {

    private final WorkingDays workingDays = workingDays();

    private static WorkingDays workingDays() {
        CalendarYears uploads = mock(CalendarYears.class);
        when(uploads.all()).thenReturn(List.of());
        return new WorkingDays(
                new CalendarProperties(
                        new ClassPathResource("calendar/cn-holidays-2020-2026-v1.json")),
                JsonMapper.builder().build(),
                uploads,
                mock(ApplicationEventPublisher.class),
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theShippedFileCoversEveryYearFrom2020ToTheCurrentOne() {
        assertThat(workingDays.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(workingDays.fileVersion()).isEqualTo("cn-2020-2026-v1");
    }

    @Test
    void twentyWorkingDaysSkipNationalDayAndCountTheMakeUpSaturday() {
        // 2021: 中秋 9-19..21 (9-18 Sat works), 国庆 10-01..07 (9-26 Sun and 10-09 Sat work)
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 10, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 10, 8))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 10, 9))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2021, 10, 10))).isFalse();
        // produced Friday 2021-09-24: Sunday 9-26 counts, 10-01..07 do not, Saturday 10-09 counts
        assertThat(workingDays.addWorkingDays(LocalDate.of(2021, 9, 24), 20))
                .isEqualTo(LocalDate.of(2021, 10, 27));
        // weekends alone would give 2021-10-22
    }

    @Test
    void aYearWithoutScheduleCountsWeekendsOnly() {
        assertThat(workingDays.covers(2019)).isFalse();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2019, 9, 27), 5))
                .isEqualTo(LocalDate.of(2019, 10, 4));
    }

    @Test
    void anUploadNamesTheFieldThatIsWrong() {
        CalendarYear.Holiday newYear =
                new CalendarYear.Holiday("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1));
        assertThatThrownBy(
                        () ->
                                new CalendarYear(2027, null, List.of(newYear), List.of())
                                        .validate(2028))
                .isInstanceOfSatisfying(
                        CalendarYearRejected.class, e -> assertThat(e.field()).isEqualTo("year"));
        assertThatThrownBy(
                        () ->
                                new CalendarYear(
                                                2027,
                                                null,
                                                List.of(newYear),
                                                List.of(LocalDate.of(2027, 1, 6)))
                                        .validate(2027))
                .isInstanceOfSatisfying(
                        CalendarYearRejected.class,
                        e -> assertThat(e.field()).isEqualTo("workdays"));
        assertThatThrownBy(
                        () ->
                                new CalendarYear(
                                                2027,
                                                null,
                                                List.of(
                                                        new CalendarYear.Holiday(
                                                                "春节",
                                                                LocalDate.of(2027, 2, 10),
                                                                LocalDate.of(2027, 2, 1))),
                                                List.of())
                                        .validate(2027))
                .isInstanceOfSatisfying(
                        CalendarYearRejected.class,
                        e -> assertThat(e.field()).isEqualTo("holidays.to"));
    }
}
