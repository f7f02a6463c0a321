package cn.college.disclosure.core.calendar;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading a year's holiday schedule, and an admin's upload of the next one (each December the State
 * Council publishes the next year's schedule).
 */
@RestController
class CalendarController {

    private final WorkingDays workingDays;
    private final Clock clock;

    CalendarController(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @GetMapping("/api/calendar/{year}")
    CalendarYear year(@PathVariable int year) {
        return workingDays.year(year).orElseThrow(() -> new CalendarYearNotFound(year));
    }

    /**
     * Replaces the schedule of {@code year}: any year from 2000 up to next year (the schedule is
     * published in advance; years after next do not exist yet).
     */
    @PutMapping("/api/calendar/{year}")
    CalendarYear upload(
            @PathVariable int year, @RequestBody CalendarYear body, Principal principal) {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        if (year < 2000 || year > nextYear) {
            throw new CalendarYearRejected(
                    "year", "A schedule can be uploaded for 2000 to " + nextYear + ", not " + year);
        }
        body.validate(year);
        workingDays.upload(body, principal.getName());
        return body;
    }
}
