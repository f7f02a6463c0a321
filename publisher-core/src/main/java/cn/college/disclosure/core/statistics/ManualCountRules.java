package cn.college.disclosure.core.statistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule of the manual counts, for the API and the console's form alike: a count is written
 * as a whole number from 0 to {@link #MAX}, digits only (no sign, fraction, exponent or quotes); an
 * empty value is no count. The API hands over each JSON value as written, the form each field as
 * typed, so that 1.5, -1, 1e3, "12" and 10<sup>12</sup> are refused in both.
 */
final class ManualCountRules {

    /** The largest count: far above any year of a notice board, far below the column's limit. */
    static final int MAX = 1_000_000;

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,7}");

    private final Map<String, StatisticsProperties.ChannelName> channels;

    ManualCountRules(Map<String, StatisticsProperties.ChannelName> channels) {
        this.channels = channels;
    }

    /**
     * The counts written, by manual channel key; keys with an empty value have no count.
     *
     * @throws ManualCountRejected naming {@code counts.<key>}
     */
    Map<String, Integer> counts(Map<String, @Nullable String> written) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        written.forEach(
                (key, text) -> {
                    StatisticsProperties.ChannelName channel = channels.get(key);
                    if (channel == null) {
                        throw new ManualCountRejected(
                                "counts." + key,
                                "manualCount.unknownChannel",
                                key + " is not a manual channel",
                                key);
                    }
                    String value = text == null ? "" : text.strip();
                    if (value.isEmpty()) {
                        return;
                    }
                    if (!WHOLE.matcher(value).matches() || Integer.parseInt(value) > MAX) {
                        throw new ManualCountRejected(
                                "counts." + key,
                                "manualCount.invalid",
                                "A count is a whole number from 0 to " + MAX,
                                channel.name(),
                                String.valueOf(MAX));
                    }
                    counts.put(key, Integer.parseInt(value));
                });
        return counts;
    }
}
