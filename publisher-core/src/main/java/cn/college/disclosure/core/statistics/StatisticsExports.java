package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.core.catalogue.Catalogue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The statistics as CSV and as an Excel workbook. The workbook streams (SXSSF), so the item list of
 * a busy year does not have to fit in memory as cell objects.
 */
@Component
class StatisticsExports {

    /** The workbook's sheets, in order. */
    static final List<String> SHEETS =
            List.of("summary", "by category", "by month", "by department", "timeliness", "items");

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Ledger ledger;
    private final Catalogue catalogue;
    private final StatisticsProperties properties;

    StatisticsExports(Ledger ledger, Catalogue catalogue, StatisticsProperties properties) {
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /**
     * One table in long form: {@code section,channel,channelName,manual,key,label,count,retracted,
     * failed,onTime,late,undated}; sections summary, category, catalogueItem, month, department,
     * timeliness. Preceded by a UTF-8 byte-order mark so that Excel reads the Chinese correctly.
     */
    String csv(Statistics statistics) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(
                "section,channel,channelName,manual,key,label,count,retracted,failed,onTime,late,undated\r\n");
        Statistics.PeriodView period = statistics.period();
        line(
                csv,
                "period",
                "",
                "",
                "",
                period.firstDay() + "/" + period.lastDay(),
                period.label(),
                null,
                null,
                null,
                null,
                null,
                null);
        for (Statistics.ChannelCount channel : statistics.channels()) {
            line(
                    csv,
                    "summary",
                    channel.channel(),
                    channel.name(),
                    String.valueOf(channel.manual()),
                    "",
                    channel.unit(),
                    channel.count(),
                    channel.retracted(),
                    channel.failed(),
                    null,
                    null,
                    null);
        }
        for (Statistics.CategoryCount row : statistics.byCategory()) {
            countLine(
                    csv,
                    "category",
                    row.channel(),
                    String.valueOf(row.category()),
                    row.categoryName(),
                    row.count(),
                    row.retracted());
        }
        for (Statistics.CatalogueItemCount row : statistics.byCatalogueItem()) {
            countLine(
                    csv,
                    "catalogueItem",
                    row.channel(),
                    String.valueOf(row.catalogueItem()),
                    row.catalogueItemName(),
                    row.count(),
                    row.retracted());
        }
        for (Statistics.MonthCount row : statistics.byMonth()) {
            countLine(
                    csv,
                    "month",
                    row.channel(),
                    row.month(),
                    row.month(),
                    row.count(),
                    row.retracted());
        }
        for (Statistics.DepartmentCount row : statistics.byDepartment()) {
            countLine(
                    csv,
                    "department",
                    row.channel(),
                    row.department(),
                    row.department(),
                    row.count(),
                    row.retracted());
        }
        for (Statistics.Timeliness row : statistics.timeliness()) {
            line(
                    csv,
                    "timeliness",
                    "",
                    "",
                    "false",
                    String.valueOf(row.category()),
                    row.categoryName(),
                    row.items(),
                    null,
                    null,
                    row.onTime(),
                    row.late(),
                    row.undated());
        }
        return csv.toString();
    }

    /** Writes the workbook: one sheet per {@link #SHEETS}. */
    void workbook(AnnualStatistics.Counted counted, OutputStream out) {
        Statistics statistics = counted.statistics();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet summary = workbook.createSheet(SHEETS.get(0));
            row(summary, 0, "统计期间", statistics.period().label());
            row(summary, 1, "时区", statistics.timezone());
            row(summary, 2, "渠道", "名称", "人工统计", "发布数", "其中已撤回", "仍在发布", "失败");
            int r = 3;
            for (Statistics.ChannelCount channel : statistics.channels()) {
                row(
                        summary,
                        r++,
                        channel.channel(),
                        channel.name(),
                        channel.manual() ? "是" : "否",
                        channel.count(),
                        channel.retracted(),
                        channel.stillPublished(),
                        channel.failed());
            }

            Sheet byCategory = workbook.createSheet(SHEETS.get(1));
            row(byCategory, 0, "渠道", "类别", "类别名称", "清单事项", "事项名称", "发布数", "其中已撤回");
            r = 1;
            for (Statistics.CategoryCount row : statistics.byCategory()) {
                row(
                        byCategory,
                        r++,
                        name(row.channel()),
                        row.category(),
                        row.categoryName(),
                        null,
                        null,
                        row.count(),
                        row.retracted());
            }
            for (Statistics.CatalogueItemCount row : statistics.byCatalogueItem()) {
                row(
                        byCategory,
                        r++,
                        name(row.channel()),
                        row.category(),
                        null,
                        row.catalogueItem(),
                        row.catalogueItemName(),
                        row.count(),
                        row.retracted());
            }

            Sheet byMonth = workbook.createSheet(SHEETS.get(2));
            row(byMonth, 0, "渠道", "月份", "发布数", "其中已撤回");
            r = 1;
            for (Statistics.MonthCount row : statistics.byMonth()) {
                row(byMonth, r++, name(row.channel()), row.month(), row.count(), row.retracted());
            }

            Sheet byDepartment = workbook.createSheet(SHEETS.get(3));
            row(byDepartment, 0, "部门", "渠道", "发布数", "其中已撤回");
            r = 1;
            for (Statistics.DepartmentCount row : statistics.byDepartment()) {
                row(
                        byDepartment,
                        r++,
                        row.department(),
                        name(row.channel()),
                        row.count(),
                        row.retracted());
            }

            Sheet timeliness = workbook.createSheet(SHEETS.get(4));
            row(timeliness, 0, "类别", "类别名称", "公开条数", "按时公开", "逾期公开", "无产生日期");
            r = 1;
            for (Statistics.Timeliness row : statistics.timeliness()) {
                row(
                        timeliness,
                        r++,
                        row.category(),
                        row.categoryName(),
                        row.items(),
                        row.onTime(),
                        row.late(),
                        row.undated());
            }

            Sheet items = workbook.createSheet(SHEETS.get(5));
            row(items, 0, "渠道", "首次发布时间", "条目ID", "版本", "标题", "部门", "清单事项", "事项名称", "已撤回", "URL");
            r = 1;
            ZoneId zone = properties.zone();
            for (Ledger.FirstDelivery first :
                    ledger.firstDeliveries(counted.period().from(), counted.period().to())) {
                Integer item = first.catalogueItem();
                row(
                        items,
                        r++,
                        name(first.channel().name()),
                        LOCAL_TIME.format(first.firstDeliveredAt().atZone(zone)),
                        first.itemId().toString(),
                        first.version(),
                        first.title(),
                        first.department(),
                        item,
                        item == null
                                ? null
                                : catalogue.entry(item).map(CatalogueEntry::name).orElse(null),
                        first.retracted() ? "是" : "否",
                        first.externalUrl());
            }
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name(String channel) {
        for (Map.Entry<cn.college.disclosure.contract.Channel, StatisticsProperties.ChannelName>
                entry : properties.channels().entrySet()) {
            if (entry.getKey().name().equals(channel)) {
                return entry.getValue().name();
            }
        }
        return channel;
    }

    private static void row(Sheet sheet, int index, @Nullable Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }

    /** A breakdown row: a count and its retractions, no failure or timeliness columns. */
    private void countLine(
            StringBuilder csv,
            String section,
            String channel,
            String key,
            String label,
            Object count,
            Object retracted) {
        line(
                csv,
                section,
                channel,
                name(channel),
                "false",
                key,
                label,
                count,
                retracted,
                null,
                null,
                null,
                null);
    }

    private static void line(StringBuilder csv, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values[i];
            if (value != null) {
                String text = value.toString();
                if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                    text = "\"" + text.replace("\"", "\"\"") + "\"";
                }
                csv.append(text);
            }
        }
        csv.append("\r\n");
    }
}
