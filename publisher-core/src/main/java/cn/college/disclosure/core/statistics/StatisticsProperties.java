package cn.college.disclosure.core.statistics;

import cn.college.disclosure.contract.Channel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statistics and the annual report.
 *
 * @param zone the time zone that dates a delivery and bounds the statistics year (1 September to 31
 *     August)
 * @param disclosureWorkingDays the working days after {@code producedOn} within which an item is
 *     disclosed in time
 * @param channels how the report names each pipeline channel, in the report's order; a channel not
 *     listed is named by its constant
 * @param manualChannels the channels outside the pipeline whose counts a report author records by
 *     hand, keyed by the constant used in the API, in the report's order
 * @param notApplicableItems catalogue item numbers that do not apply to this college (不涉及)
 * @param report the report text's wording
 * @param recomputeInterval how often stale or missing past days of the fact table are recomputed in
 *     the background (a query recomputes the days it needs anyway)
 * @param recomputeEnabled whether the background recompute runs
 */
@ConfigurationProperties("publisher.statistics")
record StatisticsProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("20") int disclosureWorkingDays,
        @Nullable Map<Channel, ChannelName> channels,
        @Nullable Map<String, ChannelName> manualChannels,
        @Nullable List<Integer> notApplicableItems,
        @DefaultValue Report report,
        @DefaultValue("10m") Duration recomputeInterval,
        @DefaultValue("true") boolean recomputeEnabled) {

    StatisticsProperties {
        channels = channels == null ? Map.of() : new LinkedHashMap<>(channels);
        manualChannels = manualChannels == null ? Map.of() : new LinkedHashMap<>(manualChannels);
        notApplicableItems =
                notApplicableItems == null ? List.of() : List.copyOf(notApplicableItems);
    }

    /**
     * A channel's name in the report.
     *
     * @param name e.g. 微信公众平台
     * @param unit what one item is called on the channel, e.g. 简讯 ("发布简讯436条")
     */
    record ChannelName(String name, @DefaultValue("信息") String unit) {}

    /**
     * The report's wording.
     *
     * @param institution the college's name, the subject of the report's sentences
     */
    record Report(@DefaultValue("学院") String institution) {}

    ChannelName name(Channel channel) {
        ChannelName name = channels().get(channel);
        return name == null ? new ChannelName(channel.name(), "信息") : name;
    }
}
