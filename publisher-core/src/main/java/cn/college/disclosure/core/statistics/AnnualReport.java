package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.core.catalogue.Catalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes section 二(一) of the annual report (主动公开信息的内容和途径) in the seed report's words, and the
 * 清单事项公开情况表.
 */
@Component
public class AnnualReport {

    static final String NOT_APPLICABLE = "不涉及";
    static final String DISCLOSED = "已公开";
    static final String NOTHING_DISCLOSED = "本期未公开";

    private final Catalogue catalogue;
    private final StatisticsProperties properties;
    private final NotApplicableItems notApplicableItems;

    AnnualReport(
            Catalogue catalogue,
            StatisticsProperties properties,
            NotApplicableItems notApplicableItems) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.notApplicableItems = notApplicableItems;
    }

    /**
     * The report of a period.
     *
     * @param text the paragraph of section 二(一)
     * @param catalogueItems one row per catalogue item, in number order
     */
    public record Report(
            Statistics.PeriodView period, String text, List<CatalogueRow> catalogueItems) {}

    /**
     * One line of the 清单事项公开情况表.
     *
     * @param items items of this catalogue item first disclosed (on any channel) in the period
     * @param lastDay the latest day one of them was first delivered on a channel
     * @param channels the channels they were first delivered on in the period
     * @param status 已公开, 本期未公开 (flagged) or 不涉及
     * @param flagged applicable, yet nothing disclosed in the period
     */
    public record CatalogueRow(
            int number,
            String name,
            int category,
            String categoryName,
            long items,
            @Nullable LocalDate lastDay,
            List<String> channels,
            String status,
            boolean flagged) {}

    Report write(AnnualStatistics.Counted counted) {
        Statistics statistics = counted.statistics();
        return new Report(statistics.period(), text(statistics), rows(counted));
    }

    /**
     * E.g. "2020年9月1日-2021年8月31日，学院通过学院官方网站、微信公众平台、公示栏等线上线下载体发布信息。其中，微信公众平台发布简讯436条，
     * AIC智能校园服务平台发布信息615条，公示栏发布信息12条（人工统计）。公开信息涉及基本信息、招生考试信息等方面的内容。"
     */
    String text(Statistics statistics) {
        List<Statistics.ChannelCount> used =
                statistics.channels().stream().filter(channel -> channel.count() > 0).toList();
        StringBuilder text = new StringBuilder();
        text.append(statistics.period().label()).append('，');
        text.append(properties.report().institution());
        if (used.isEmpty()) {
            return text.append("未通过信息公开发布系统发布信息。").toString();
        }
        StringJoiner names = new StringJoiner("、");
        used.forEach(channel -> names.add(channel.name()));
        text.append("通过").append(names).append("等线上线下载体发布信息。其中，");
        StringJoiner counts = new StringJoiner("，");
        for (Statistics.ChannelCount channel : used) {
            StringBuilder count =
                    new StringBuilder()
                            .append(channel.name())
                            .append("发布")
                            .append(channel.unit())
                            .append(channel.count())
                            .append('条');
            if (channel.retracted() != null && channel.retracted() > 0) {
                count.append("（其中已撤回").append(channel.retracted()).append("条）");
            }
            if (channel.manual()) {
                count.append("（人工统计）");
            }
            counts.add(count);
        }
        text.append(counts).append('。');
        StringJoiner areas = new StringJoiner("、");
        Set<Integer> seen = new HashSet<>();
        statistics.byCategory().stream()
                .filter(category -> category.category() > 0 && category.count() > 0)
                .sorted(Comparator.comparingInt(Statistics.CategoryCount::category))
                .forEach(
                        category -> {
                            if (seen.add(category.category())) {
                                areas.add(category.categoryName());
                            }
                        });
        if (!seen.isEmpty()) {
            text.append("公开信息涉及").append(areas).append("等方面的内容。");
        }
        return text.toString();
    }

    private List<CatalogueRow> rows(AnnualStatistics.Counted counted) {
        Tally tally = counted.tally();
        Map<Integer, List<String>> channelsByItem = new LinkedHashMap<>();
        Set<Integer> notApplicable = notApplicableItems.current();
        for (Channel channel : channelOrder(counted.statistics())) {
            tally.cells.forEach(
                    (key, counts) -> {
                        if (key.channel() == channel && counts[0] > 0) {
                            List<String> names =
                                    channelsByItem.computeIfAbsent(
                                            key.catalogueItem(), k -> new ArrayList<>());
                            String name = properties.name(channel).name();
                            if (!names.contains(name)) {
                                names.add(name);
                            }
                        }
                    });
        }
        List<CatalogueRow> rows = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            long[] timeliness = tally.timeliness.getOrDefault(entry.number(), new long[3]);
            long items = timeliness[0] + timeliness[1] + timeliness[2];
            List<String> channels = channelsByItem.getOrDefault(entry.number(), List.of());
            boolean applicable = !notApplicable.contains(entry.number());
            boolean nothing = items == 0 && channels.isEmpty();
            rows.add(
                    new CatalogueRow(
                            entry.number(),
                            entry.name(),
                            entry.categoryNumber(),
                            entry.categoryName(),
                            items,
                            tally.lastDays.get(entry.number()),
                            channels,
                            !applicable ? NOT_APPLICABLE : nothing ? NOTHING_DISCLOSED : DISCLOSED,
                            applicable && nothing));
        }
        return rows;
    }

    /** The report as plain text: the paragraph, then the table, tab-separated. */
    String plain(Report report) {
        StringBuilder text = new StringBuilder();
        text.append("（一）主动公开信息的内容和途径\n").append(report.text()).append("\n\n");
        text.append("清单事项公开情况表（").append(report.period().label()).append("）\n");
        text.append("序号\t事项\t类别\t公开数量\t最近公开日期\t公开渠道\t情况\n");
        for (CatalogueRow row : report.catalogueItems()) {
            text.append(row.number())
                    .append('\t')
                    .append(row.name())
                    .append('\t')
                    .append(row.categoryName())
                    .append('\t')
                    .append(row.status().equals(NOT_APPLICABLE) ? NOT_APPLICABLE : row.items())
                    .append('\t')
                    .append(row.lastDay() == null ? "" : row.lastDay())
                    .append('\t')
                    .append(String.join("、", row.channels()))
                    .append('\t')
                    .append(row.status())
                    .append('\n');
        }
        return text.toString();
    }

    private static List<Channel> channelOrder(Statistics statistics) {
        List<Channel> order = new ArrayList<>();
        for (Statistics.ChannelCount channel : statistics.channels()) {
            if (!channel.manual()) {
                order.add(Channel.valueOf(channel.channel()));
            }
        }
        return order;
    }
}
