package cn.college.disclosure.core.console;

import cn.college.disclosure.core.statistics.ManualCountRejected;
import cn.college.disclosure.core.statistics.Statistics;
import cn.college.disclosure.core.statistics.StatisticsPeriodRejected;
import cn.college.disclosure.core.statistics.StatisticsReports;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report authors' year view: the statistics year's figures as charts and tables, the report
 * text, the downloads (the same content as {@code /api/statistics/annual.csv|.xlsx}, for a console
 * session) and the counts of the channels outside the pipeline.
 */
@Controller
@RequestMapping("/console/statistics")
class StatisticsPagesController {

    private static final MediaType XLSX =
            MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** How many years back the picker offers. */
    private static final int YEARS = 6;

    private final StatisticsReports reports;
    private final JsonMapper json;
    private final MessageSource messages;

    StatisticsPagesController(StatisticsReports reports, JsonMapper json, MessageSource messages) {
        this.reports = reports;
        this.json = json;
        this.messages = messages;
    }

    /**
     * The category table: one row per category, one column per pipeline channel.
     *
     * @param channels the channels' report names, in the report's order
     */
    record CategoryTable(List<String> channels, List<CategoryRow> rows) {}

    record CategoryRow(int category, String name, List<Long> counts, long total) {}

    @GetMapping
    String year(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int current = reports.currentYear();
        int chosen = year == null ? current : year;
        List<Integer> years = new ArrayList<>();
        for (int y = current; y > current - YEARS; y--) {
            years.add(y);
        }
        if (!years.contains(chosen)) {
            years.add(chosen);
        }
        model.addAttribute("years", years);
        model.addAttribute("year", chosen);
        model.addAttribute("manualChannels", reports.manualChannels(chosen));
        try {
            StatisticsReports.Year figures = reports.year(chosen);
            Statistics statistics = figures.statistics();
            model.addAttribute("statistics", statistics);
            model.addAttribute("report", figures.report());
            model.addAttribute("reportPlain", reports.plainText(figures.report()));
            model.addAttribute("categories", categoryTable(statistics));
            model.addAttribute("channelChart", json.writeValueAsString(channelChart(statistics)));
            model.addAttribute("monthChart", json.writeValueAsString(monthChart(statistics)));
        } catch (StatisticsPeriodRejected e) {
            model.addAttribute("rejected", e.getMessage());
        }
        return "console/statistics/year";
    }

    @GetMapping("/annual.csv")
    ResponseEntity<byte[]> csv(@RequestParam int year) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(year, "csv"))
                .body(reports.csv(year));
    }

    @GetMapping("/annual.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam int year) {
        reports.requireYear(year);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(year, "xlsx"))
                .body(out -> reports.workbook(year, out));
    }

    @PostMapping("/manual-counts")
    String manualCounts(
            @RequestParam int year,
            @RequestParam Map<String, String> parameters,
            Principal principal,
            RedirectAttributes redirect) {
        Map<String, @Nullable String> written = new LinkedHashMap<>();
        for (StatisticsReports.ManualChannel channel : reports.manualChannels(year)) {
            written.put(channel.key(), parameters.get("count." + channel.key()));
        }
        try {
            reports.recordManualCounts(year, written, principal.getName());
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("notice.countsSaved"));
        } catch (ManualCountRejected e) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error(e.code(), e.arguments()));
        }
        return "redirect:/console/statistics?year=" + year;
    }

    /** A download of a year without statistics: the field's text, in the console's language. */
    @org.springframework.web.bind.annotation.ExceptionHandler(StatisticsPeriodRejected.class)
    ResponseEntity<String> rejectedDownload(StatisticsPeriodRejected e) {
        Object[] field = {e.field()};
        Locale locale = LocaleContextHolder.getLocale();
        String text =
                messages.getMessage(
                        "problem.statisticsPeriod." + e.field(),
                        field,
                        messages.getMessage("problem.statisticsPeriod", field, locale),
                        locale);
        return ResponseEntity.badRequest()
                .contentType(
                        new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(text);
    }

    private static String attachment(int year, String extension) {
        return ContentDisposition.attachment()
                .filename("statistics-" + year + "." + extension)
                .build()
                .toString();
    }

    private static List<Statistics.ChannelCount> pipeline(Statistics statistics) {
        return statistics.channels().stream().filter(channel -> !channel.manual()).toList();
    }

    /** ECharts data of the bar chart: every channel (manual ones too) and its total. */
    private static Map<String, Object> channelChart(Statistics statistics) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "names",
                statistics.channels().stream().map(Statistics.ChannelCount::name).toList());
        chart.put(
                "counts",
                statistics.channels().stream().map(Statistics.ChannelCount::count).toList());
        chart.put(
                "manual",
                statistics.channels().stream().map(Statistics.ChannelCount::manual).toList());
        return chart;
    }

    /** ECharts data of the line chart: the months, and one series per pipeline channel. */
    private static Map<String, Object> monthChart(Statistics statistics) {
        TreeSet<String> months = new TreeSet<>();
        statistics.byMonth().forEach(month -> months.add(month.month()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (Statistics.ChannelCount channel : pipeline(statistics)) {
            List<Long> counts = new ArrayList<>();
            for (String month : months) {
                counts.add(
                        statistics.byMonth().stream()
                                .filter(
                                        row ->
                                                row.channel().equals(channel.channel())
                                                        && row.month().equals(month))
                                .mapToLong(Statistics.MonthCount::count)
                                .sum());
            }
            series.add(Map.of("name", channel.name(), "data", counts));
        }
        return Map.of("months", List.copyOf(months), "series", series);
    }

    private static CategoryTable categoryTable(Statistics statistics) {
        List<Statistics.ChannelCount> channels = pipeline(statistics);
        Map<Integer, String> names = new java.util.TreeMap<>();
        statistics.byCategory().forEach(row -> names.put(row.category(), row.categoryName()));
        List<CategoryRow> rows = new ArrayList<>();
        names.forEach(
                (category, name) -> {
                    List<Long> counts = new ArrayList<>();
                    for (Statistics.ChannelCount channel : channels) {
                        counts.add(
                                statistics.byCategory().stream()
                                        .filter(
                                                row ->
                                                        row.category() == category
                                                                && row.channel()
                                                                        .equals(channel.channel()))
                                        .mapToLong(Statistics.CategoryCount::count)
                                        .sum());
                    }
                    rows.add(
                            new CategoryRow(
                                    category,
                                    name,
                                    counts,
                                    counts.stream().mapToLong(Long::longValue).sum()));
                });
        return new CategoryTable(
                channels.stream().map(Statistics.ChannelCount::name).toList(), rows);
    }
}
