package cn.college.disclosure.core.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The working-day calendar.
 *
 * @param location the versioned calendar data file shipped with the product; years uploaded by an
 *     admin are kept in the database and take precedence over the file's
 */
@ConfigurationProperties("publisher.calendar")
record CalendarProperties(
        @DefaultValue("classpath:calendar/cn-holidays-2020-2026-v1.json") Resource location) {}
