package cn.college.disclosure.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where the website puts an item's page, relative to the site's base URL. publisher-core builds the
 * canonical URL from it before the website has published, and the website writes the page there.
 */
public final class WebsitePaths {

    /** The page of an item: {@code items/<item id>.html}. */
    public static final String ITEM_PAGE = "items/%s.html";

    public static String itemPage(UUID itemId) {
        return ITEM_PAGE.formatted(itemId);
    }

    /**
     * Where the website serves its copy of a media file: {@code files/<sha256>/<file name>}, the
     * name percent-encoded as one path segment. The hash is the directory, so a name can never
     * reach outside it.
     */
    public static String file(String sha256, String fileName) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return "files/%s/%s"
                .formatted(
                        sha256,
                        URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private WebsitePaths() {}
}
