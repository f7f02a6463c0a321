package cn.college.disclosure.contract;

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

    private WebsitePaths() {}
}
