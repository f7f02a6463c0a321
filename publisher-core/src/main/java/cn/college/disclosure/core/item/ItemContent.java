package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a liaison edits in one version of an item.
 *
 * @param body HTML, already sanitised
 * @param channels the targeted channels, never empty
 * @param led how the LED screens show it (kept when LED_SCREEN is not targeted, so that ticking it
 *     again brings the choice back)
 */
record ItemContent(
        String title,
        @Nullable String summary,
        String body,
        @Nullable Integer catalogueItem,
        Set<Channel> channels,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        LedDisplay led) {

    ItemContent {
        channels = Set.copyOf(channels);
    }

    /** The value of a field as named by {@link cn.college.disclosure.contract.ChannelLimit}. */
    @Nullable String field(String name) {
        return switch (name) {
            case "title" -> title;
            case "summary" -> summary;
            case "body" -> body;
            case "ledText" -> ledText;
            default -> throw new IllegalArgumentException("No item field " + name);
        };
    }
}
