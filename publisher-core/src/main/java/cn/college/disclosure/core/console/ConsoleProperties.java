package cn.college.disclosure.core.console;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console.
 *
 * @param defaultLocale the language of a visitor who has not chosen one
 * @param pageSize items per page of a list
 * @param deliveryPollInterval how often an item's page asks for its delivery status while a
 *     delivery is still under way
 * @param boardPollInterval how often the channel board refreshes its cards
 * @param ledPreview the LED screen group the editor's preview fits the LED text to
 */
@ConfigurationProperties("publisher.console")
record ConsoleProperties(
        @DefaultValue("zh-CN") Locale defaultLocale,
        @DefaultValue("20") int pageSize,
        @DefaultValue("2s") Duration deliveryPollInterval,
        @DefaultValue("5s") Duration boardPollInterval,
        @DefaultValue LedPreview ledPreview) {

    /**
     * A screen group's panel, as channel-ledscreen's {@code channel.ledscreen.groups} describes it.
     *
     * @param name the group's name, shown with the preview
     * @param width the panel's width in pixels
     * @param height the panel's height in pixels
     * @param fontSize the font's size in pixels: a full-width character takes a square cell of it
     * @param lines lines per page; 0 means as many as the height holds
     */
    record LedPreview(
            @DefaultValue("demo") String name,
            @DefaultValue("128") int width,
            @DefaultValue("64") int height,
            @DefaultValue("16") int fontSize,
            @DefaultValue("0") int lines) {

        public int cellsPerLine() {
            return width / fontSize;
        }

        public int linesPerPage() {
            return lines > 0 ? lines : height / fontSize;
        }
    }
}
