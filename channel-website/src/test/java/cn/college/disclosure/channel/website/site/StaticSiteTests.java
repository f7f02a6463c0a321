package cn.college.disclosure.channel.website.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.WebsitePaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated files: what a reader, a feed reader and a search engine get. */
class StaticSiteTests {

    private static final CatalogueEntry ADMISSIONS =
            new CatalogueEntry(7, "招生章程、招生计划", 2, "招生考试信息", "2014-v1");
    private static final CatalogueEntry BASICS =
            new CatalogueEntry(1, "学校名称、办学地点", 1, "基本信息", "2014-v1");

    @TempDir Path webRoot;

    private StaticSite site() {
        return new StaticSite(
                webRoot,
                "示范职业技术学院",
                URI.create("https://xxgk.example.edu.cn/"),
                Clock.fixed(Instant.parse("2021-05-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void writesAnItemPageInChineseWithItsMetadataAndVersion() throws IOException {
        Page page = Page.of(ContractFixtures.publicationRequested());

        Path file = site().writeItemPage(page, ContractFixtures.publicationRequested().bodyHtml());

        assertThat(file).isEqualTo(webRoot.resolve("items/" + page.itemId() + ".html"));
        Document html = Jsoup.parse(Files.readString(file));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(html.selectFirst("meta[charset]").attr("charset")).isEqualTo("UTF-8");
        assertThat(html.title()).isEqualTo("2021年招生章程 - 示范职业技术学院信息公开");
        assertThat(html.selectFirst("meta[name=item-version]").attr("content")).isEqualTo("2");
        assertThat(html.select("dl.meta").text())
                .contains("教务处")
                .contains("第7项 招生章程、招生计划")
                .contains("招生考试信息")
                // 2021-03-15T01:30Z is 09:30 the same day in China
                .contains("发布日期 2021年03月15日")
                .contains("第2版");
        assertThat(html.select("div.body a").attr("href"))
                .isEqualTo("https://www.example.edu.cn/zs");
        assertThat(site().versionOnDisk(page.itemId())).hasValue(2);
    }

    @Test
    void showsTheDateOfChinaNotOfUtc() throws IOException {
        Page page = page(UUID.randomUUID(), "深夜发布", Instant.parse("2021-03-15T17:00:00Z"), null);

        Path file = site().writeItemPage(page, "<p>正文</p>");

        assertThat(Jsoup.parse(Files.readString(file)).select("time").text())
                .isEqualTo("2021年03月16日");
    }

    @Test
    void dropsScriptsFromTheBody() throws IOException {
        Page page = page(UUID.randomUUID(), "标题", Instant.parse("2021-03-15T01:30:00Z"), null);

        Path file =
                site().writeItemPage(
                                page,
                                "<p onclick=\"steal()\">正文</p><script>alert('x')</script>"
                                        + "<img src=\"https://example.edu.cn/a.png\" onerror=\"x()\">");

        String written = Files.readString(file);
        assertThat(written)
                .doesNotContain("<script")
                .doesNotContain("alert(")
                .doesNotContain("onclick")
                .doesNotContain("onerror")
                .contains("<p>正文</p>");
    }

    @Test
    void replacesAPageAtomicallyAtTheSameUrlLeavingNoTemporaryFiles() throws IOException {
        UUID itemId = UUID.randomUUID();
        StaticSite site = site();
        site.writeItemPage(
                page(itemId, "第一版", Instant.parse("2021-03-15T01:30:00Z"), null), "<p>一</p>");

        Page second =
                new Page(
                        itemId, 2, "第二版", null, "教务处", null, Instant.parse("2021-03-16T01:30:00Z"));
        site.writeItemPage(second, "<p>二</p>");

        assertThat(site.versionOnDisk(itemId)).hasValue(2);
        assertThat(Files.readString(site.pageFile(itemId))).contains("第二版").doesNotContain("第一版");
        try (Stream<Path> files = Files.list(webRoot.resolve("items"))) {
            assertThat(files).containsExactly(site.pageFile(itemId));
        }
    }

    @Test
    void groupsTheIndexByCatalogueCategoryNewestFirstWithOthersLast() throws IOException {
        Page olderAdmissions =
                page(
                        UUID.randomUUID(),
                        "2020年招生章程",
                        Instant.parse("2020-03-15T01:30:00Z"),
                        ADMISSIONS);
        Page newerAdmissions =
                page(
                        UUID.randomUUID(),
                        "2021年招生章程",
                        Instant.parse("2021-03-15T01:30:00Z"),
                        ADMISSIONS);
        Page basics =
                page(UUID.randomUUID(), "学校简介", Instant.parse("2019-01-01T01:30:00Z"), BASICS);
        Page uncatalogued =
                page(UUID.randomUUID(), "校园通知", Instant.parse("2022-01-01T01:30:00Z"), null);

        site().writeListings(List.of(olderAdmissions, uncatalogued, basics, newerAdmissions));

        Document index = Jsoup.parse(Files.readString(webRoot.resolve("index.html")));
        assertThat(index.select("section.category h2").eachText())
                .containsExactly("基本信息", "招生考试信息", "其他");
        assertThat(index.select("section.category").get(1).select("a").eachText())
                .containsExactly("2021年招生章程", "2020年招生章程");
        assertThat(index.select("section.category").get(1).select("a").first().attr("href"))
                .isEqualTo("items/" + newerAdmissions.itemId() + ".html");
    }

    @Test
    void writesAnAtomFeedNewestFirst() throws IOException {
        Page older =
                page(UUID.randomUUID(), "旧", Instant.parse("2020-03-15T01:30:00Z"), ADMISSIONS);
        Page newer = page(UUID.randomUUID(), "新", Instant.parse("2021-03-15T01:30:00Z"), null);

        site().writeListings(List.of(older, newer));

        String xml = Files.readString(webRoot.resolve("feed.xml"));
        Document feed = Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
        assertThat(feed.selectFirst("feed").attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(xml).doesNotContain("thymeleaf");
        assertThat(feed.select("entry > title").eachText()).containsExactly("新", "旧");
        assertThat(feed.select("entry > id").first().text())
                .isEqualTo("urn:uuid:" + newer.itemId());
        assertThat(feed.select("entry > link").first().attr("href"))
                .isEqualTo("https://xxgk.example.edu.cn/items/" + newer.itemId() + ".html");
        assertThat(feed.selectFirst("feed > updated").text()).isEqualTo("2021-03-15T01:30:00Z");
    }

    @Test
    void listsEveryLivePageInTheSitemap() throws IOException {
        Page page = page(UUID.randomUUID(), "标题", Instant.parse("2021-03-15T17:00:00Z"), null);

        site().writeListings(List.of(page));

        Document sitemap =
                Jsoup.parse(
                        Files.readString(webRoot.resolve("sitemap.xml")),
                        "",
                        org.jsoup.parser.Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText())
                .containsExactly(
                        "https://xxgk.example.edu.cn/",
                        "https://xxgk.example.edu.cn/items/" + page.itemId() + ".html");
        assertThat(sitemap.select("url > lastmod").eachText()).containsExactly("2021-03-16");
    }

    @Test
    void retractionRemovesThePageAndItsIndexEntry() throws IOException {
        StaticSite site = site();
        Page kept = page(UUID.randomUUID(), "保留", Instant.parse("2021-03-15T01:30:00Z"), null);
        Page withdrawn = page(UUID.randomUUID(), "撤回", Instant.parse("2021-03-16T01:30:00Z"), null);
        site.writeItemPage(withdrawn, "<p>正文</p>");
        site.writeListings(List.of(kept, withdrawn));

        site.deleteItemPage(withdrawn.itemId());
        site.writeListings(List.of(kept));

        assertThat(site.pageFile(withdrawn.itemId())).doesNotExist();
        assertThat(site.versionOnDisk(withdrawn.itemId())).isEmpty();
        assertThat(Files.readString(webRoot.resolve("index.html")))
                .contains("保留")
                .doesNotContain("撤回");
        assertThat(Files.readString(webRoot.resolve("feed.xml"))).doesNotContain("撤回");
        assertThat(Files.readString(webRoot.resolve("sitemap.xml")))
                .doesNotContain(withdrawn.itemId().toString());
    }

    private static Page page(
            UUID itemId, String title, Instant publishedAt, CatalogueEntry catalogue) {
        return new Page(itemId, 1, title, "摘要", "教务处", catalogue, publishedAt);
    }

    @Test
    void listsTheAttachmentsUnderTheBodyWithKindSizeAndTheSitesOwnLink() throws IOException {
        Page page =
                page(UUID.randomUUID(), "2024年部门预算", Instant.parse("2024-03-15T01:30:00Z"), null);
        MediaReference pdf = media("预算表.pdf", "application/pdf", 1_258_291);
        MediaReference docx =
                media(
                        "说明.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        20_480);

        Path file =
                site().writeItemPage(
                                page,
                                "<p>正文</p>",
                                List.of(
                                        new Attachment(pdf, "2024年部门预算表"),
                                        new Attachment(docx, null)),
                                null);

        Document html = Jsoup.parse(Files.readString(file));
        assertThat(html.select("section.attachments h2").text()).isEqualTo("附件");
        assertThat(html.select("section.attachments li a").eachText())
                .containsExactly("2024年部门预算表", "说明.docx");
        assertThat(html.select("section.attachments li a").eachAttr("href"))
                .containsExactly(
                        "../" + WebsitePaths.file(pdf.sha256(), pdf.fileName()),
                        "../" + WebsitePaths.file(docx.sha256(), docx.fileName()));
        assertThat(html.select("section.attachments .file-kind").eachText())
                .containsExactly("PDF", "Word");
        assertThat(html.select("section.attachments .file-size").eachText())
                .containsExactly("1.2 MB", "20.0 KB");
    }

    @Test
    void writesNoAttachmentSectionForAnItemWithoutFiles() throws IOException {
        Page page = page(UUID.randomUUID(), "通知", Instant.parse("2024-03-15T01:30:00Z"), null);

        Path file = site().writeItemPage(page, "<p>正文</p>");

        assertThat(Jsoup.parse(Files.readString(file)).select("section.attachments")).isEmpty();
    }

    @Test
    void keepsTheBodysRelativeImageAddressesOfTheSitesCopies() throws IOException {
        Page page = page(UUID.randomUUID(), "校园风景", Instant.parse("2024-03-15T01:30:00Z"), null);
        String copy = "../" + WebsitePaths.file("a".repeat(64), "校园.png");

        Path file =
                site().writeItemPage(
                                page,
                                "<p><img src=\""
                                        + copy
                                        + "\" alt=\"校园\"></p>"
                                        + "<p><a href=\"javascript:alert(1)\">x</a></p>");

        Document html = Jsoup.parse(Files.readString(file));
        assertThat(html.select("div.body img").attr("src")).isEqualTo(copy);
        assertThat(html.select("div.body a").attr("href")).isEmpty();
    }

    static MediaReference media(String fileName, String contentType, long size) {
        String sha256 = sha256Of(fileName);
        return new MediaReference(
                UUID.randomUUID(),
                sha256,
                size,
                contentType,
                fileName,
                URI.create("http://localhost:8080/api/media/x"),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.file(sha256, fileName)));
    }

    private static String sha256Of(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(
                                            text.getBytes(
                                                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
