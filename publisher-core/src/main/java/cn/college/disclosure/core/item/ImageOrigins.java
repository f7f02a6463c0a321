package cn.college.disclosure.core.item;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Images come only from the college's own origins or the media store ({@code /api/media/<id>}). The
 * sanitiser keeps absolute http(s) image addresses and that relative form only, so every {@code
 * <img src>} left in a stored body is checked here, when the item is saved and again when it is
 * approved (the list may have changed in between).
 */
@Component
class ImageOrigins {

    private final Set<String> origins;

    ImageOrigins(ItemsProperties properties) {
        this.origins =
                properties.imageOrigins().stream()
                        .map(ImageOrigins::origin)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @throws ImageFromOtherOrigin for the first image from elsewhere
     */
    void check(String sanitizedBody) {
        if (sanitizedBody.indexOf("<img") < 0) {
            return;
        }
        List<Element> images = Jsoup.parseBodyFragment(sanitizedBody).select("img[src]");
        for (Element image : images) {
            String src = image.attr("src");
            if (HtmlSanitizer.MEDIA_IMAGE.matcher(src).matches()) {
                // the media store's own image; ItemService checks that it exists
                continue;
            }
            String origin;
            try {
                origin = origin(URI.create(src.strip()));
            } catch (IllegalArgumentException notAUri) {
                origin = null;
            }
            if (origin == null || !origins.contains(origin)) {
                throw new ImageFromOtherOrigin(src);
            }
        }
    }

    /** {@code scheme://host:port} with the default port made explicit, or null if not http(s). */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            return null;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
