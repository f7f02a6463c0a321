package cn.college.disclosure.core.statistics;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * The report authors' statistics: {@code ?year=2021} (statistics year 2020-09-01 to 2021-08-31) or
 * {@code ?from=2021-01-01&to=2021-06-30} (days, both included), as JSON, CSV, a workbook, or the
 * report's text.
 */
@RestController
class StatisticsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AnnualStatistics statistics;
    private final AnnualReport report;
    private final StatisticsExports exports;
    private final FactRecompute recompute;
    private final ManualCounts manualCounts;
    private final StatisticsReports reports;
    private final StatisticsProperties properties;
    private final Clock clock;

    StatisticsController(
            AnnualStatistics statistics,
            AnnualReport report,
            StatisticsExports exports,
            FactRecompute recompute,
            ManualCounts manualCounts,
            StatisticsReports reports,
            StatisticsProperties properties,
            Clock clock) {
        this.statistics = statistics;
        this.report = report;
        this.exports = exports;
        this.recompute = recompute;
        this.manualCounts = manualCounts;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/statistics/annual")
    Statistics annual(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return count(year, from, to).statistics();
    }

    @GetMapping("/api/statistics/annual.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        AnnualStatistics.Counted counted = count(year, from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(counted.period(), "csv"))
                .body(exports.csv(counted.statistics()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/statistics/annual.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        AnnualStatistics.Counted counted = count(year, from, to);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(counted.period(), "xlsx"))
                .body(out -> exports.workbook(counted, out));
    }

    @GetMapping("/api/statistics/annual/report")
    AnnualReport.Report report(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return report.write(count(year, from, to));
    }

    /** The report as plain text (the paragraph, then the table, tab-separated). */
    @GetMapping(path = "/api/statistics/annual/report.txt", produces = "text/plain;charset=UTF-8")
    String reportText(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return report.plain(report.write(count(year, from, to)));
    }

    /** The counts recorded for the channels outside the pipeline, with their names. */
    record ManualCountsView(int year, Map<String, ManualChannel> channels) {}

    record ManualChannel(String name, String unit, @Nullable Long count) {}

    /**
     * The body of an update: manual channel key to count; keys left out or null have no count. The
     * counts are read as JSON values, not as numbers, so that {@link ManualCountRules} judges them
     * as written, the same rule as the console's form.
     */
    record ManualCountsRequest(@Nullable Map<String, @Nullable JsonNode> counts) {}

    @GetMapping("/api/statistics/manual-counts/{year}")
    ManualCountsView manualCounts(@PathVariable int year) {
        manualYear(year);
        Map<String, Long> counts = manualCounts.of(year);
        Map<String, ManualChannel> channels = new LinkedHashMap<>();
        properties
                .manualChannels()
                .forEach(
                        (key, name) ->
                                channels.put(
                                        key,
                                        new ManualChannel(
                                                name.name(), name.unit(), counts.get(key))));
        return new ManualCountsView(year, channels);
    }

    @PutMapping("/api/statistics/manual-counts/{year}")
    ManualCountsView recordManualCounts(
            @PathVariable int year, @RequestBody ManualCountsRequest request, Principal principal) {
        manualYear(year);
        if (request.counts() == null) {
            throw new StatisticsPeriodRejected(
                    "counts", "counts is required, e.g. {\"BULLETIN_BOARD\": 12}");
        }
        Map<String, @Nullable String> written = new LinkedHashMap<>();
        request.counts()
                .forEach(
                        (key, value) ->
                                written.put(
                                        key,
                                        value == null || value.isNull() ? null : value.toString()));
        reports.recordManualCounts(year, written, principal.getName());
        return manualCounts(year);
    }

    /**
     * Recomputes the fact table's past days in the range (default: all), e.g. after a bulk load.
     */
    @PostMapping("/api/statistics/recompute")
    Map<String, Object> recompute(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        long started = System.nanoTime();
        int days;
        if (from == null && to == null) {
            days = recompute.recomputeAll();
        } else {
            Period period = statistics.period(null, from, to);
            days = recompute.recompute(period.firstDay(), period.lastDay().plusDays(1));
        }
        return Map.of("days", days, "millis", (System.nanoTime() - started) / 1_000_000);
    }

    private AnnualStatistics.Counted count(
            @Nullable String year, @Nullable String from, @Nullable String to) {
        return statistics.count(statistics.period(year, from, to));
    }

    private void manualYear(int year) {
        int current = Period.yearOf(LocalDate.now(clock.withZone(properties.zone())));
        if (year < 2000 || year > current) {
            throw new StatisticsPeriodRejected(
                    "year", "Manual counts are kept for the statistics years 2000 to " + current);
        }
    }

    private static String attachment(Period period, String extension) {
        String name =
                period.year() != null
                        ? "statistics-" + period.year() + "." + extension
                        : "statistics-"
                                + period.firstDay()
                                + "-"
                                + period.lastDay()
                                + "."
                                + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
