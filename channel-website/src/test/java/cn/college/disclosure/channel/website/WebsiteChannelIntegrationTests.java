package cn.college.disclosure.channel.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The website service against a real broker and database: Kafka in, files and reports out. */
@PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s"
        })
class WebsiteChannelIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PDF = "application/pdf";
    private static final String DOCX =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path WEB_ROOT = temporaryWebRoot();

    private static final CoreMediaStub CORE = CoreMediaStub.start();
    private static final String BASE = "https://xxgk.example.edu.cn/";

    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void webRoot(DynamicPropertyRegistry registry) {
        registry.add("channel.website.web-root", WEB_ROOT::toString);
        registry.add("channel.website.public-base-url", () -> "https://xxgk.example.edu.cn/");
        registry.add("channel.media.core-url", () -> CORE.url().toString());
        registry.add("channel.media.username", () -> CoreMediaStub.USERNAME);
        registry.add("channel.media.password", () -> CoreMediaStub.PASSWORD);
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stopRecording() {
        reports.close();
        CORE.close();
    }

    @Test
    void publishesRetractsAndRepublishesAnItemPage() throws Exception {
        UUID itemId = UUID.randomUUID();
        Path page = WEB_ROOT.resolve(WebsitePaths.itemPage(itemId));
        URI publicUrl = URI.create("https://xxgk.example.edu.cn/items/" + itemId + ".html");

        send(request(itemId, 1, "2021年招生章程"));

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.DELIVERED));
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains("2021年招生章程").contains("content=\"1\"");
        DeliveryReported delivered = reports.of(itemId).get(0);
        assertThat(delivered.channel()).isEqualTo(Channel.WEBSITE);
        assertThat(delivered.externalUrl()).isEqualTo(publicUrl);
        assertThat(delivered.attempt()).isEqualTo(1);
        assertThat(get("/items/" + itemId + ".html").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("2021年招生章程");

        send(retraction(itemId, 1));

        await().atMost(PATIENCE)
                .until(() -> reports.statuses(itemId).contains(DeliveryStatus.RETRACTED));
        assertThat(page).doesNotExist();
        assertThat(Files.readString(WEB_ROOT.resolve("index.html")))
                .doesNotContain(itemId.toString());
        assertThat(get("/items/" + itemId + ".html").statusCode()).isEqualTo(410);

        send(request(itemId, 2, "2021年招生章程(修订)"));

        await().atMost(PATIENCE)
                .until(
                        () ->
                                reports.statuses(itemId)
                                        .equals(
                                                List.of(
                                                        DeliveryStatus.DELIVERED,
                                                        DeliveryStatus.RETRACTED,
                                                        DeliveryStatus.DELIVERED)));
        assertThat(Files.readString(page)).contains("2021年招生章程(修订)").contains("content=\"2\"");
        assertThat(reports.of(itemId).get(2).externalUrl()).isEqualTo(publicUrl);
        assertThat(reports.of(itemId).get(2).version()).isEqualTo(2);
        assertThat(get("/items/" + itemId + ".html").body()).contains("修订");
    }

    @Test
    void replacesThePageWithANewVersionAtTheSameUrl() throws Exception {
        UUID itemId = UUID.randomUUID();

        send(request(itemId, 1, "学生资助政策"));
        send(request(itemId, 2, "学生资助政策(2022年)"));

        await().atMost(PATIENCE).until(() -> reports.count(itemId, DeliveryStatus.DELIVERED) == 2);
        assertThat(reports.of(itemId))
                .extracting(DeliveryReported::externalUrl)
                .containsOnly(URI.create("https://xxgk.example.edu.cn/items/" + itemId + ".html"));
        assertThat(reports.of(itemId).get(1).detail()).isEqualTo("replaced version 1");
        String index = Files.readString(WEB_ROOT.resolve("index.html"));
        assertThat(index).contains("学生资助政策(2022年)");
        assertThat(index.split(itemId.toString(), -1)).hasSize(2);
    }

    @Test
    void servesTheIndexFeedAndSitemap() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/feed.xml").body()).contains("http://www.w3.org/2005/Atom");
        assertThat(get("/sitemap.xml").body()).contains("https://xxgk.example.edu.cn/");
        assertThat(get("/items/" + UUID.randomUUID() + ".html").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aReaderWhoseAddressIsWrongGetsAChinesePageNotJson() throws Exception {
        HttpResponse<String> item = get("/items/" + UUID.randomUUID() + ".html", "text/html");
        assertThat(item.statusCode()).isEqualTo(404);
        assertThat(item.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(item.body()).contains("页面不存在");

        HttpResponse<String> page = get("/no-such-column/list.html", "text/html,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("页面不存在").doesNotContain("Whitelabel", "Error");

        HttpResponse<String> program = get("/no-such-column/list.json", "application/json");
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void publishesAPdfADocxAndABodyImageAsTheSitesOwnCopiesServedWithTheirType() throws Exception {
        UUID itemId = UUID.randomUUID();
        MediaReference pdf = CORE.add("2024年招生章程.pdf", PDF, bytes("%PDF-1.7 招生章程", 300_000));
        MediaReference docx = CORE.add("招生计划说明.docx", DOCX, bytes("PK\u0003\u0004 说明", 20_480));
        MediaReference png = CORE.add("校园 风景.png", "image/png", bytes("\u0089PNG 校园", 4_096));

        send(
                request(
                        itemId,
                        1,
                        "2024年招生章程",
                        "<p>校园：<img src=\"/api/media/" + png.id() + "\" alt=\"校园\"></p>",
                        List.of(new Attachment(pdf, "2024年招生章程(正式版)"), new Attachment(docx, null)),
                        List.of(png)));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.warnings()).isEmpty();
        Document page = Jsoup.parse(get("/items/" + itemId + ".html").body(), pageUrl(itemId));
        assertThat(page.select("section.attachments li a").eachText())
                .containsExactly("2024年招生章程(正式版)", "招生计划说明.docx");
        assertThat(page.select("section.attachments .file-kind").eachText())
                .containsExactly("PDF", "Word");
        assertThat(page.select("section.attachments .file-size").eachText())
                .containsExactly("293.0 KB", "20.0 KB");
        assertThat(page.select("section.attachments li a").eachAttr("abs:href"))
                .containsExactly(publicUrl(pdf), publicUrl(docx));
        assertThat(page.select("div.body img").attr("abs:src")).isEqualTo(publicUrl(png));
        assertThat(page.html()).doesNotContain("/api/media/");
        for (MediaReference file : List.of(pdf, docx, png)) {
            assertThat(
                            sha256(
                                    WEB_ROOT.resolve("files")
                                            .resolve(file.sha256())
                                            .resolve(file.fileName())))
                    .isEqualTo(file.sha256());
        }

        HttpResponse<byte[]> served =
                getBytes(sitePath(page.select("section.attachments a").first().attr("abs:href")));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(CoreMediaStub.sha256(served.body())).isEqualTo(pdf.sha256());
        assertThat(served.headers().firstValue("Content-Type")).hasValue(PDF);
        assertThat(served.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "attachment; filename=\"2024_____.pdf\"; filename*=UTF-8''"
                                + "2024%E5%B9%B4%E6%8B%9B%E7%94%9F%E7%AB%A0%E7%A8%8B.pdf");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> word = getBytes(sitePath(publicUrl(docx)));
        assertThat(word.headers().firstValue("Content-Type")).hasValue(DOCX);
        assertThat(word.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        assertThat(CoreMediaStub.sha256(word.body())).isEqualTo(docx.sha256());

        HttpResponse<byte[]> image =
                getBytes(sitePath(page.select("div.body img").attr("abs:src")));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "inline; filename=\"__ __.png\"; filename*=UTF-8''%E6%A0%A1%E5%9B%AD%20%E9%A3%8E%E6%99%AF.png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.body()).isEqualTo(bytes("\u0089PNG 校园", 4_096));

        send(
                request(
                        itemId,
                        2,
                        "2024年招生章程(修订)",
                        "<p>校园：<img src=\"/api/media/" + png.id() + "\"></p>",
                        List.of(new Attachment(pdf, null), new Attachment(docx, null)),
                        List.of(png)));

        reports.await(itemId, 2, DeliveryStatus.DELIVERED);
        assertThat(List.of(CORE.reads(pdf), CORE.reads(docx), CORE.reads(png)))
                .as("copies on disk with the right hash are not read again")
                .containsExactly(1, 1, 1);
        assertThat(CORE.refusedCredentials()).isZero();
    }

    @Test
    void aRetractionTakesTheFilesDownWithThePageExceptOneAnotherLivePageLists() throws Exception {
        UUID withdrawn = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        MediaReference shared = CORE.add("收费标准.pdf", PDF, bytes("%PDF-1.7 收费", 10_000));
        MediaReference own = CORE.add("附表.docx", DOCX, bytes("PK\u0003\u0004 附表", 5_000));
        MediaReference image = CORE.add("图.png", "image/png", bytes("\u0089PNG 图", 1_000));

        send(
                request(
                        withdrawn,
                        1,
                        "2024年收费标准",
                        "<p><img src=\"/api/media/" + image.id() + "\"></p>",
                        List.of(new Attachment(shared, null), new Attachment(own, null)),
                        List.of(image)));
        send(
                request(
                        staying,
                        1,
                        "2024年收费标准(学院版)",
                        "<p>见附件</p>",
                        List.of(new Attachment(shared, null)),
                        List.of()));
        reports.await(withdrawn, 1, DeliveryStatus.DELIVERED);
        reports.await(staying, 1, DeliveryStatus.DELIVERED);
        assertThat(getBytes(sitePath(publicUrl(own))).statusCode()).isEqualTo(200);

        send(retraction(withdrawn, 1));

        reports.await(withdrawn, 1, DeliveryStatus.RETRACTED);
        assertThat(get("/items/" + withdrawn + ".html").statusCode()).isEqualTo(410);
        assertThat(copyOf(own)).doesNotExist();
        assertThat(copyOf(own).getParent()).doesNotExist();
        assertThat(copyOf(image)).doesNotExist();
        assertThat(getBytes(sitePath(publicUrl(own))).statusCode()).isEqualTo(404);
        assertThat(getBytes(sitePath(publicUrl(image))).statusCode()).isEqualTo(404);
        assertThat(copyOf(shared)).exists();
        HttpResponse<byte[]> stillServed = getBytes(sitePath(publicUrl(shared)));
        assertThat(stillServed.statusCode()).isEqualTo(200);
        assertThat(CoreMediaStub.sha256(stillServed.body())).isEqualTo(shared.sha256());

        send(retraction(staying, 1));

        reports.await(staying, 1, DeliveryStatus.RETRACTED);
        assertThat(copyOf(shared)).doesNotExist();
        assertThat(getBytes(sitePath(publicUrl(shared))).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesThePageWithoutAFileTheCoreCannotServeAndWarns() throws Exception {
        UUID itemId = UUID.randomUUID();
        MediaReference readable = CORE.add("决算表.pdf", PDF, bytes("%PDF-1.7 决算", 2_000));
        MediaReference gone = CORE.missing("已删除.pdf", PDF, bytes("%PDF-1.7 无", 2_000));
        UUID stranger = UUID.randomUUID();

        send(
                request(
                        itemId,
                        1,
                        "2023年决算",
                        "<p>正文<img src=\"/api/media/" + stranger + "\"></p>",
                        List.of(new Attachment(readable, null), new Attachment(gone, "说明")),
                        List.of()));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.warnings())
                .containsExactlyInAnyOrder(
                        new DeliveryWarning(DeliveryWarning.FILE_UNREADABLE, "已删除.pdf"),
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_UNREADABLE, "/api/media/" + stranger));
        Document page = Jsoup.parse(get("/items/" + itemId + ".html").body(), pageUrl(itemId));
        assertThat(page.select("section.attachments li a").eachText()).containsExactly("决算表.pdf");
        assertThat(page.select("div.body img")).isEmpty();
        assertThat(page.select("div.body").text()).isEqualTo("正文");
        assertThat(copyOf(gone)).doesNotExist();
    }

    @Test
    void retriesWhileTheCoreIsAwayAndPublishesWithTheFileAfterwards() throws Exception {
        UUID itemId = UUID.randomUUID();
        MediaReference pdf = CORE.add("就业质量年度报告.pdf", PDF, bytes("%PDF-1.7 就业", 8_000));
        CORE.failNext(pdf, 2);

        send(
                request(
                        itemId,
                        1,
                        "2024年就业质量年度报告",
                        "<p>见附件</p>",
                        List.of(new Attachment(pdf, null)),
                        List.of()));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(reports.statuses(itemId)).contains(DeliveryStatus.RETRYING);
        assertThat(delivered.warnings()).isEmpty();
        assertThat(sha256(copyOf(pdf))).isEqualTo(pdf.sha256());
        assertThat(get("/items/" + itemId + ".html").body()).contains("就业质量年度报告.pdf");
    }

    private HttpResponse<String> get(String path, String accept)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(Object event) throws Exception {
        UUID itemId =
                event instanceof PublicationRequested r
                        ? r.itemId()
                        : ((PublicationRetracted) event).itemId();
        kafka.send(Topics.PUBLICATIONS, itemId.toString(), event).get();
    }

    private static PublicationRequested request(UUID itemId, int version, String title) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                title,
                fixture.summary(),
                fixture.bodyHtml(),
                Set.of(Channel.WEBSITE, Channel.WECHAT),
                fixture.catalogueItem(),
                fixture.department(),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId)),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The path on this server of an address on the public site. */
    private static String sitePath(String publicUrl) {
        assertThat(publicUrl).startsWith(BASE);
        return "/" + URI.create(publicUrl).getRawPath().substring(1);
    }

    private static String pageUrl(UUID itemId) {
        return BASE + WebsitePaths.itemPage(itemId);
    }

    private static String publicUrl(MediaReference file) {
        return BASE + WebsitePaths.file(file.sha256(), file.fileName());
    }

    private static Path copyOf(MediaReference file) {
        return WEB_ROOT.resolve("files").resolve(file.sha256()).resolve(file.fileName());
    }

    private static String sha256(Path file) throws IOException {
        return CoreMediaStub.sha256(Files.readAllBytes(file));
    }

    /** {@code size} bytes that start with the text: a file of that kind, to the eye. */
    private static byte[] bytes(String head, int size) {
        byte[] bytes = new byte[size];
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, bytes, 0, Math.min(start.length, size));
        for (int i = start.length; i < size; i++) {
            bytes[i] = (byte) (i * 31 + head.length());
        }
        return bytes;
    }

    private static PublicationRequested request(
            UUID itemId,
            int version,
            String title,
            String bodyHtml,
            List<Attachment> attachments,
            List<MediaReference> images) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                title,
                fixture.summary(),
                bodyHtml,
                Set.of(Channel.WEBSITE),
                fixture.catalogueItem(),
                fixture.department(),
                URI.create(pageUrl(itemId)),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy(),
                null,
                attachments,
                null,
                images,
                null);
    }

    private static PublicationRetracted retraction(UUID itemId, int version) {
        return new PublicationRetracted(
                UUID.randomUUID(), itemId, version, Instant.now(), "内容有误", "admin");
    }

    private static Path temporaryWebRoot() {
        try {
            return Files.createTempDirectory("website-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
