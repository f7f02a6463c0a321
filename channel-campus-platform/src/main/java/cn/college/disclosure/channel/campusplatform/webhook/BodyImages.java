package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body's images that refer to publisher-core's media ({@code <img src="/api/media/{id}">}),
 * pointed at the website's copy ({@link MediaReference#publicUrl()}, an absolute address the
 * platform's readers can reach). An image of the core whose id is not among the publication's
 * images is removed with a warning: the platform never gets an address of the core.
 */
final class BodyImages {

    private static final Pattern CORE_MEDIA =
            Pattern.compile(
                    "^(?:https?://[^/?#]+)?/api/media/"
                            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                            + "/?(?:[?#].*)?$");

    /**
     * The body with each core image's {@code src} replaced by its public URL.
     *
     * @param warnings receives an {@code image-unreadable} warning per image removed
     */
    static String rewrite(
            String bodyHtml, List<MediaReference> images, List<DeliveryWarning> warnings) {
        if (!bodyHtml.contains("/api/media/")) {
            return bodyHtml;
        }
        Map<UUID, MediaReference> byId =
                images.stream()
                        .collect(
                                Collectors.toMap(
                                        MediaReference::id, Function.identity(), (a, b) -> a));
        Document body = Jsoup.parseBodyFragment(bodyHtml);
        body.outputSettings().prettyPrint(false);
        for (Element image : body.select("img[src]")) {
            String src = image.attr("src").strip();
            Optional<UUID> id = coreMediaId(src);
            if (id.isEmpty()) {
                continue;
            }
            MediaReference known = byId.get(id.get());
            if (known != null) {
                image.attr("src", known.publicUrl().toString());
            } else {
                warnings.add(new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, src));
                image.remove();
            }
        }
        return body.body().html();
    }

    private static Optional<UUID> coreMediaId(String src) {
        Matcher matcher = CORE_MEDIA.matcher(src);
        return matcher.matches()
                ? Optional.of(UUID.fromString(matcher.group(1)))
                : Optional.empty();
    }

    private BodyImages() {}
}
