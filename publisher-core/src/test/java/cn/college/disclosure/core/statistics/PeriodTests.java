package cn.college.disclosure.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void theStatisticsYearEndsAtMidnightChinaTimeBeforeTheFirstOfSeptember() {
        assertThat(
                        Period.yearOf(
                                OffsetDateTime.parse("2021-08-31T23:59:59+08:00").toInstant(),
                                CHINA))
                .isEqualTo(2021);
        assertThat(
                        Period.yearOf(
                                OffsetDateTime.parse("2021-09-01T00:00:00+08:00").toInstant(),
                                CHINA))
                .isEqualTo(2022);
        // UTC instants on the edge: 16:00Z is already midnight in China
        assertThat(Period.yearOf(Instant.parse("2021-08-31T16:00:00Z"), CHINA)).isEqualTo(2022);
        assertThat(Period.yearOf(Instant.parse("2021-08-31T15:59:59Z"), CHINA)).isEqualTo(2021);
    }

    @Test
    void yearNRunsFromTheFirstOfSeptemberBeforeToTheFirstOfSeptemberExclusive() {
        Period year = Period.year(2021, CHINA);
        assertThat(year.from()).isEqualTo(Instant.parse("2020-08-31T16:00:00Z"));
        assertThat(year.to()).isEqualTo(Instant.parse("2021-08-31T16:00:00Z"));
        assertThat(year.label()).isEqualTo("2020年9月1日-2021年8月31日");
        assertThat(year.containsYear(2021)).isTrue();
        assertThat(
                        Period.between(LocalDate.of(2020, 9, 1), LocalDate.of(2021, 8, 30), CHINA)
                                .containsYear(2021))
                .isFalse();
    }
}
