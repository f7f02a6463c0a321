package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body's images that refer to publisher-core's media ({@code <img src="/api/media/{id}">}),
 * pointed at the website's own copy. An image of the core that the site has no copy of (its id is
 * not among the publication's images, or the core could not serve it) is removed with a warning: no
 * page ever points a reader at the core.
 */
final class BodyImages {

    private static final Pattern CORE_MEDIA =
            Pattern.compile(
                    "^(?:https?://[^/?#]+)?/api/media/"
                            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                            + "/?(?:[?#].*)?$");

    /**
     * The body with each core image's {@code src} replaced.
     *
     * @param images the publication's images, by id
     * @param addresses where the site serves each image it holds a copy of, by id
     * @param warnings receives an {@code image-unreadable} warning per image removed
     */
    static String rewrite(
            String bodyHtml,
            Map<UUID, MediaReference> images,
            Map<UUID, String> addresses,
            List<DeliveryWarning> warnings) {
        if (!bodyHtml.contains("/api/media/")) {
            return bodyHtml;
        }
        Document body = Jsoup.parseBodyFragment(bodyHtml);
        body.outputSettings().prettyPrint(false);
        for (Element image : body.select("img[src]")) {
            String src = image.attr("src").strip();
            Optional<UUID> id = coreMediaId(src);
            if (id.isEmpty()) {
                continue;
            }
            String address = addresses.get(id.get());
            if (address != null) {
                image.attr("src", address);
                continue;
            }
            MediaReference known = images.get(id.get());
            warnings.add(
                    new DeliveryWarning(
                            DeliveryWarning.IMAGE_UNREADABLE,
                            known == null ? src : known.fileName()));
            image.remove();
        }
        return body.body().html();
    }

    /** The media id of an address on the core's media API, if it is one. */
    static Optional<UUID> coreMediaId(String src) {
        Matcher matcher = CORE_MEDIA.matcher(src);
        return matcher.matches()
                ? Optional.of(UUID.fromString(matcher.group(1)))
                : Optional.empty();
    }

    private BodyImages() {}
}
