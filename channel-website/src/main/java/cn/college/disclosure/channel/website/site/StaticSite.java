package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.WebsitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The static site in the web root. Every file is written to a temporary file in its own directory
 * and moved over the old one atomically, so a reader never sees half a page. An item's page carries
 * {@code <meta name="item-version">} so that reconciling can tell which version is live.
 */
class StaticSite {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String OTHER_CATEGORY = "其他";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy年MM月dd日").withZone(CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(CHINA);
    private static final Pattern VERSION_META =
            Pattern.compile("<meta name=\"item-version\" content=\"(\\d+)\"");

    private final Path webRoot;
    private final String collegeName;
    private final URI baseUrl;
    private final Clock clock;
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine xml = engine(TemplateMode.XML, ".xml");

    StaticSite(Path webRoot, String collegeName, URI baseUrl, Clock clock) {
        this.webRoot = webRoot;
        this.collegeName = collegeName;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The public URL of an item's page. */
    URI urlOf(UUID itemId) {
        return baseUrl.resolve(WebsitePaths.itemPage(itemId));
    }

    /** The public URL of the site's copy of a file. */
    URI urlOf(MediaReference file) {
        return baseUrl.resolve(WebsitePaths.file(file.sha256(), file.fileName()));
    }

    /** The address of the site's copy of a file, relative to an item's page. */
    static String fromPage(MediaReference file) {
        return "../" + WebsitePaths.file(file.sha256(), file.fileName());
    }

    Path pageFile(UUID itemId) {
        return webRoot.resolve(WebsitePaths.itemPage(itemId));
    }

    /** Writes the item's page without files, replacing any earlier version at the same URL. */
    Path writeItemPage(Page page, String bodyHtml) {
        return writeItemPage(page, bodyHtml, List.of(), null);
    }

    /**
     * Writes the item's page, replacing any earlier version at the same URL.
     *
     * @param bodyHtml the body, its images already pointing at the site's copies
     * @param attachments the attachments the site holds a copy of, listed under the body
     * @param cover the cover, if the site holds a copy of it, for link previews
     */
    Path writeItemPage(
            Page page,
            String bodyHtml,
            List<Attachment> attachments,
            @Nullable MediaReference cover) {
        Context context = new Context();
        context.setVariable("college", collegeName);
        context.setVariable("itemId", page.itemId().toString());
        context.setVariable("version", page.version());
        context.setVariable("title", page.title());
        context.setVariable("summary", page.summary());
        context.setVariable("department", page.department());
        context.setVariable(
                "catalogueItem",
                page.catalogueItem() == null
                        ? null
                        : "第%d项 %s"
                                .formatted(
                                        page.catalogueItem().number(),
                                        page.catalogueItem().name()));
        context.setVariable("category", categoryOf(page));
        context.setVariable("published", DATE.format(page.publishedAt()));
        context.setVariable(
                "publishedIso", page.publishedAt().atZone(CHINA).toOffsetDateTime().toString());
        context.setVariable("url", urlOf(page.itemId()).toString());
        // publisher-core sanitised the body already; the website does not trust the wire either
        context.setVariable("body", sanitise(bodyHtml, urlOf(page.itemId())));
        context.setVariable(
                "attachments",
                attachments.stream()
                        .map(
                                attachment ->
                                        Map.of(
                                                "title", attachment.displayTitle(),
                                                "href", fromPage(attachment.file()),
                                                "kind",
                                                        FileLabels.kind(
                                                                attachment.file().contentType(),
                                                                attachment.file().fileName()),
                                                "fileSize",
                                                        FileLabels.size(attachment.file().size())))
                        .toList());
        context.setVariable("cover", cover == null ? null : urlOf(cover).toString());
        Path file = pageFile(page.itemId());
        writeAtomically(file, html.process("item", context));
        return file;
    }

    /** Removes the item's page; nothing happens if it is already gone. */
    void deleteItemPage(UUID itemId) {
        try {
            Files.deleteIfExists(pageFile(itemId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the item's page on disk, if there is a page. */
    OptionalInt versionOnDisk(UUID itemId) {
        Path file = pageFile(itemId);
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        try {
            Matcher matcher = VERSION_META.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return matcher.find()
                    ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
                    : OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the index, the feed and the sitemap for the pages that are live. */
    synchronized void writeListings(List<Page> livePages) {
        List<Page> newestFirst =
                livePages.stream()
                        .sorted(Comparator.comparing(Page::publishedAt).reversed())
                        .toList();
        List<Map<String, Object>> entries = newestFirst.stream().map(this::entry).toList();
        Instant updated =
                newestFirst.isEmpty() ? clock.instant() : newestFirst.get(0).publishedAt();

        Context index = new Context();
        index.setVariable("college", collegeName);
        index.setVariable("categories", byCategory(newestFirst));
        index.setVariable("count", newestFirst.size());
        writeAtomically(webRoot.resolve("index.html"), html.process("index", index));

        Context feed = new Context();
        feed.setVariable("college", collegeName);
        feed.setVariable("siteUrl", baseUrl.toString());
        feed.setVariable("feedUrl", baseUrl.resolve("feed.xml").toString());
        feed.setVariable("updated", updated.toString());
        feed.setVariable("entries", entries);
        writeAtomically(webRoot.resolve("feed.xml"), xml.process("feed", feed));

        Context sitemap = new Context();
        sitemap.setVariable("siteUrl", baseUrl.toString());
        sitemap.setVariable("entries", entries);
        writeAtomically(webRoot.resolve("sitemap.xml"), xml.process("sitemap", sitemap));
    }

    /** Categories in catalogue order, 其他 last; pages newest first within each. */
    private List<Map<String, Object>> byCategory(List<Page> newestFirst) {
        Map<Integer, List<Page>> groups = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Page page : newestFirst) {
            int number =
                    page.catalogueItem() == null
                            ? Integer.MAX_VALUE
                            : page.catalogueItem().categoryNumber();
            groups.computeIfAbsent(number, n -> new ArrayList<>()).add(page);
            names.putIfAbsent(number, categoryOf(page));
        }
        return groups.keySet().stream()
                .sorted()
                .map(
                        number ->
                                Map.<String, Object>of(
                                        "name",
                                        names.get(number),
                                        "pages",
                                        groups.get(number).stream().map(this::entry).toList()))
                .toList();
    }

    private Map<String, Object> entry(Page page) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", "urn:uuid:" + page.itemId());
        entry.put("title", page.title());
        entry.put("summary", page.summary());
        entry.put("department", page.department());
        entry.put("category", categoryOf(page));
        entry.put("url", urlOf(page.itemId()).toString());
        entry.put("href", WebsitePaths.itemPage(page.itemId()));
        entry.put("published", DATE.format(page.publishedAt()));
        entry.put("updated", page.publishedAt().toString());
        entry.put("date", DAY.format(page.publishedAt()));
        return entry;
    }

    private static String categoryOf(Page page) {
        return page.catalogueItem() == null ? OTHER_CATEGORY : page.catalogueItem().categoryName();
    }

    /**
     * The body through jsoup's relaxed allow-list. Relative addresses are kept as they are (the
     * site's own copies of images are relative to the page), checked against the page's URL.
     */
    static String sanitise(String bodyHtml, URI pageUrl) {
        return Jsoup.clean(
                bodyHtml, pageUrl.toString(), Safelist.relaxed().preserveRelativeLinks(true));
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Path directory = target.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".", ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/website/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
