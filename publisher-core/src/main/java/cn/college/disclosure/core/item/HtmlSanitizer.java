package cn.college.disclosure.core.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Cleans an item's body with an allow-list before it is stored: jsoup's relaxed list (text
 * formatting, links, images, tables) without scripts, event handlers, styles or {@code javascript:}
 * URLs. Every channel publishes the stored body as it is, so this is the one place HTML is trusted.
 */
@Component
class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed();

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings()
                    .prettyPrint(false)
                    .charset("UTF-8")
                    .escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);

    String sanitize(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }
}
