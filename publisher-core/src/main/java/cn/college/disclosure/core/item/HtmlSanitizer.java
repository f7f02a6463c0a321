package cn.college.disclosure.core.item;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Cleans an item's body with an allow-list before it is stored: jsoup's relaxed list (text
 * formatting, links, images, tables) without scripts, event handlers, styles or {@code javascript:}
 * URLs; images keep absolute http(s) addresses and the media store's {@code /api/media/<id>}. Every
 * channel publishes the stored body as it is, so this is the one place HTML is trusted.
 */
@Component
class HtmlSanitizer {

    /**
     * A body image of the media store, exactly as the editor inserts it: {@code /api/media/<uuid>},
     * relative (the one relative address kept; jsoup's list drops every other).
     */
    static final Pattern MEDIA_IMAGE =
            Pattern.compile(
                    "/api/media/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private static final Safelist SAFELIST =
            new Safelist(Safelist.relaxed()) {
                @Override
                public boolean isSafeAttribute(
                        String tagName, Element element, Attribute attribute) {
                    if ("img".equals(tagName)
                            && "src".equals(attribute.getKey())
                            && MEDIA_IMAGE.matcher(attribute.getValue()).matches()) {
                        return true;
                    }
                    return super.isSafeAttribute(tagName, element, attribute);
                }
            };

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings()
                    .prettyPrint(false)
                    .charset("UTF-8")
                    .escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);

    String sanitize(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /** The media ids a sanitised body's images refer to, in order of appearance, each once. */
    static List<UUID> mediaImages(String sanitizedBody) {
        if (sanitizedBody.indexOf("<img") < 0) {
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (Element image : Jsoup.parseBodyFragment(sanitizedBody).select("img[src]")) {
            Matcher matcher = MEDIA_IMAGE.matcher(image.attr("src"));
            if (matcher.matches()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
        }
        return List.copyOf(ids);
    }
}
