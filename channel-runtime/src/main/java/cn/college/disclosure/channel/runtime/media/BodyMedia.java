package cn.college.disclosure.channel.runtime.media;

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
 * The body's images that refer to publisher-core's media ({@code <img src="/api/media/{id}">}, the
 * form the core writes), for every channel that carries the body: each is pointed at the channel's
 * own address of the image, or removed with a warning when the channel has none (its id is not
 * among the publication's images, or the core could not serve it), so that no reader is ever sent
 * to the core.
 */
public final class BodyMedia {

    private static final Pattern CORE_MEDIA =
            Pattern.compile(
                    "^(?:https?://[^/?#]+)?/api/media/"
                            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                            + "/?(?:[?#].*)?$");

    /**
     * The body with each core image's {@code src} replaced.
     *
     * @param images the publication's images, by id
     * @param addresses the channel's address of each image it can show, by id (the website's copy,
     *     or {@link MediaReference#publicUrl()})
     * @param warnings receives an {@code image-unreadable} warning per image removed
     */
    public static String rewrite(
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
            Optional<UUID> id = mediaId(src);
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
    public static Optional<UUID> mediaId(String src) {
        Matcher matcher = CORE_MEDIA.matcher(src);
        return matcher.matches()
                ? Optional.of(UUID.fromString(matcher.group(1)))
                : Optional.empty();
    }

    private BodyMedia() {}
}
