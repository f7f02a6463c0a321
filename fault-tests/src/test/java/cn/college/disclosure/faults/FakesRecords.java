package cn.college.disclosure.faults;

import cn.college.disclosure.pipeline.Api;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outside world holds, read from the fakes' own records and the website's web root, never
 * from the pipeline's claims: one snapshot, counted per item and channel.
 */
final class FakesRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Integer> wechatByTitle = new HashMap<>();
    private final Map<String, Integer> campusByItem = new HashMap<>();
    private final String sitemap;
    private final String ledPages;
    private final Path webRoot;
    private final URI website;

    private FakesRecords(FaultStack stack) {
        URI fakes = stack.url("outside-world-fakes");
        // a published article, or one whose publish job still runs: either is on the account
        for (JsonNode article : read(fakes.resolve("sandbox/wechat/articles"))) {
            int status = article.path("publish_status").asInt(-1);
            if (!article.path("deleted").asBoolean() && (status == 0 || status == 1)) {
                wechatByTitle.merge(article.path("title").asString(), 1, Integer::sum);
            }
        }
        // every publish message the platform applied (a redelivery under the same webhook-id is
        // ignored by the platform and not counted)
        for (JsonNode notice : read(fakes.resolve("sandbox/campus/notices"))) {
            int published = 0;
            for (JsonNode type : notice.path("types")) {
                if (type.asString().equals("notice.published")) {
                    published++;
                }
            }
            if (!notice.path("retracted").asBoolean()) {
                campusByItem.merge(notice.path("itemId").asString(), published, Integer::sum);
            }
        }
        StringBuilder pages = new StringBuilder();
        for (JsonNode screen : read(fakes.resolve("sandbox/ledscreen/screens"))) {
            if (screen.path("screenId").asString().equals("demo-screen-1")) {
                screen.path("pages")
                        .forEach(page -> pages.append(page.asString()).append('\u0001'));
            }
        }
        ledPages = pages.toString().replace("\n", "");
        website = stack.url("channel-website");
        webRoot = stack.webRoot();
        Path sitemapFile = webRoot.resolve("sitemap.xml");
        sitemap = readString(sitemapFile);
    }

    static FakesRecords of(FaultStack stack) {
        return new FakesRecords(stack);
    }

    /** How many times the outside world shows the item on the channel. */
    int count(String channel, FaultScenario.Approved item) {
        return switch (channel) {
            case "WECHAT" -> wechatByTitle.getOrDefault(item.title(), 0);
            case "CAMPUS_PLATFORM" -> campusByItem.getOrDefault(item.id(), 0);
            case "LED_SCREEN" -> occurrences(ledPages, item.token());
            case "WEBSITE" -> websiteCount(item);
            default -> throw new IllegalArgumentException(channel);
        };
    }

    /** Entries in the sitemap, if the page is in the web root and served with the title on it. */
    private int websiteCount(FaultScenario.Approved item) {
        String page = "items/" + item.id() + ".html";
        if (!Files.exists(webRoot.resolve(page))) {
            return 0;
        }
        HttpResponse<String> served = Api.fetch(website.resolve(page));
        if (served.statusCode() != 200 || !served.body().contains(item.title())) {
            return 0;
        }
        return Math.max(1, occurrences(sitemap, page));
    }

    /** A fingerprint of everything counted, to see the outside world stop changing. */
    String fingerprint() {
        return wechatByTitle.hashCode()
                + "/"
                + campusByItem.hashCode()
                + "/"
                + ledPages.hashCode()
                + "/"
                + sitemap.hashCode();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static JsonNode read(URI uri) {
        HttpResponse<String> response = Api.fetch(uri);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String readString(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
