package cn.college.disclosure.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which days are working days in China: Monday to Friday, minus the State Council's holidays, plus
 * its 调休 make-up Saturdays and Sundays. The shipped file covers {@link #fileVersion()}'s years;
 * uploaded years replace or extend it. A year that neither covers counts weekends only (and is
 * logged once), because a deadline must still be computable; {@link #covers(int)} tells which.
 */
@Component
public class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    private final CalendarYears uploads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final String fileVersion;
    private final Map<Integer, CalendarYear> shipped;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();
    private volatile Schedule schedule;

    WorkingDays(
            CalendarProperties properties,
            JsonMapper json,
            CalendarYears uploads,
            ApplicationEventPublisher events,
            Clock clock) {
        this.uploads = uploads;
        this.events = events;
        this.clock = clock;
        this.json = json;
        CalendarYear.File file;
        try (InputStream in = properties.location().getInputStream()) {
            file = json.readValue(in, CalendarYear.File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the working-day calendar at " + properties.location(), e);
        }
        Map<Integer, CalendarYear> years = new TreeMap<>();
        for (CalendarYear year : file.years()) {
            year.validate(year.year());
            years.put(year.year(), year);
        }
        this.fileVersion = file.version();
        this.shipped = Map.copyOf(years);
        this.schedule = schedule(Map.of());
        reload();
    }

    /** The version of the shipped data file, e.g. {@code cn-2020-2026-v1}. */
    public String fileVersion() {
        return fileVersion;
    }

    /** The years with a holiday schedule (shipped or uploaded). */
    public SortedSet<Integer> years() {
        return new TreeSet<>(schedule.years().keySet());
    }

    /** Whether {@code year} has a holiday schedule; if not, only weekends are days off. */
    public boolean covers(int year) {
        return schedule.years().containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        Schedule current = schedule;
        if (!current.years().containsKey(day.getYear()) && warned.add(day.getYear())) {
            log.warn("No holiday schedule for {}: counting weekends only", day.getYear());
        }
        if (current.makeUpWorkdays().contains(day)) {
            return true;
        }
        if (current.daysOff().contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code workingDays}-th working day after {@code start} ({@code start} itself not
     * counted): the last day on which something produced on {@code start} is disclosed in time.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(schedule.years().get(year));
    }

    /** Stores an admin's schedule for a year, replacing the shipped or earlier uploaded one. */
    @Transactional
    void upload(CalendarYear year, String uploadedBy) {
        uploads.save(year, uploadedBy, clock.instant());
        reload();
        events.publishEvent(new WorkingDayCalendarChanged(year.year()));
    }

    /**
     * Stores an uploaded schedule document (the shape of one year of the data file, as {@code PUT
     * /api/calendar/{year}} takes it) for the year it names: any year from 2000 to next year.
     *
     * @return the year stored
     * @throws CalendarYearRejected if the document is not such a schedule, naming the field
     */
    @Transactional
    public int upload(byte[] document, String uploadedBy) {
        CalendarYear year;
        try {
            year = json.readValue(document, CalendarYear.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new CalendarYearRejected(
                    "file", "Not a calendar year document: " + e.getOriginalMessage());
        }
        int nextYear = LocalDate.now(clock).getYear() + 1;
        if (year.year() < 2000 || year.year() > nextYear) {
            throw new CalendarYearRejected(
                    "year",
                    "A schedule can be uploaded for 2000 to " + nextYear + ", not " + year.year());
        }
        year.validate(year.year());
        upload(year, uploadedBy);
        return year.year();
    }

    /** Reads the uploaded years again (at start-up and after an upload). */
    void reload() {
        Map<Integer, CalendarYear> uploaded = new TreeMap<>();
        uploads.all().forEach(year -> uploaded.put(year.year(), year));
        this.schedule = schedule(uploaded);
    }

    private Schedule schedule(Map<Integer, CalendarYear> uploaded) {
        Map<Integer, CalendarYear> years = new TreeMap<>(shipped);
        years.putAll(uploaded);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        years.values()
                .forEach(
                        year -> {
                            off.addAll(year.daysOff());
                            work.addAll(year.makeUpWorkdays());
                        });
        return new Schedule(Map.copyOf(years), Set.copyOf(off), Set.copyOf(work));
    }

    private record Schedule(
            Map<Integer, CalendarYear> years,
            Set<LocalDate> daysOff,
            Set<LocalDate> makeUpWorkdays) {}
}
