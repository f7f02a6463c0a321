package cn.college.disclosure.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WeChatVariant;
import cn.college.disclosure.testinfrastructure.DeliveryReports;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files on WeChat (issue 11): body images and the cover read from the core's media API (a stub of
 * {@code GET /api/media/{id}} with Basic auth) and uploaded to the fake WeChat, which checks them
 * as WeChat does (uploadimg JPG/PNG ≤ 1 MB, thumb JPG ≤ 64 KB) and records what it holds.
 */
@cn.college.disclosure.testinfrastructure.PipelineInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "channel.runtime.retry.initial-interval=200ms",
            "channel.runtime.retry.max-interval=1s",
            "channel.runtime.retry.jitter=50ms",
            "channel.runtime.retry.max-attempts=10",
            "channel.runtime.reconciler.interval=1s",
            "channel.runtime.reconciler.stale-after=2s",
            "channel.runtime.parking.check-interval=200ms",
            "channel.media.username=channel-wechat",
            "channel.media.password=core-secret"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeChatMediaIntegrationTests {

    /** A 1 × 1 lossless WebP. */
    private static final byte[] WEBP =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private static final Map<UUID, byte[]> media = new ConcurrentHashMap<>();
    private static final List<String> authorizations = new ArrayList<>();
    private static HttpServer core;
    private static String fakeWeChat;
    private static DeliveryReports reports;

    @Autowired KafkaTemplate<Object, Object> kafka;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTheFakes(DynamicPropertyRegistry registry) throws Exception {
        fakeWeChat = FakeWeChat.url();
        core = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        "channel-wechat:core-secret"
                                                .getBytes(StandardCharsets.UTF_8));
        core.createContext(
                "/api/media/",
                exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    synchronized (authorizations) {
                        authorizations.add(String.valueOf(authorization));
                    }
                    byte[] body = null;
                    try {
                        body =
                                media.get(
                                        UUID.fromString(
                                                exchange.getRequestURI()
                                                        .getPath()
                                                        .substring("/api/media/".length())));
                    } catch (IllegalArgumentException e) {
                        // not an id
                    }
                    int status = !expected.equals(authorization) ? 401 : body == null ? 404 : 200;
                    exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
                    if (status == 200) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                    exchange.close();
                });
        core.start();
        registry.add("channel.wechat.api-host", () -> fakeWeChat);
        registry.add(
                "channel.media.core-url",
                () -> "http://127.0.0.1:" + core.getAddress().getPort() + "/");
    }

    @BeforeAll
    static void recordReports() {
        reports = DeliveryReports.record(System.getProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void stop() {
        reports.close();
        core.stop(0);
    }

    @BeforeEach
    void callbacksToThisService() throws Exception {
        sandbox()
                .settings(
                        "{\"callbackUrl\":\"http://localhost:%d/wechat/callback\",\"callbacksEnabled\":true}"
                                .formatted(port));
    }

    @Test
    void bodyImagesCoverAndAttachmentsBecomeWeChatMediaAndLinks() throws Exception {
        MediaReference png = stored("diagram.png", "image/png", png(120, 80));
        byte[] large = jpeg(noise(1200, 800), 1.0f);
        assertThat(large.length).isGreaterThan(1024 * 1024);
        MediaReference photo = stored("campus.jpg", "image/jpeg", large);
        MediaReference webp = stored("icon.webp", "image/webp", WEBP);
        MediaReference cover = stored("cover.png", "image/png", png(1000, 425));
        MediaReference pdf = document("2025年招生章程.pdf", "application/pdf", 1_258_291);
        MediaReference docx =
                document(
                        "收费标准.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        20_480);
        UUID itemId = UUID.randomUUID();
        PublicationRequested request =
                request(
                        itemId,
                        "一个超过三十二个字符的网站标题：二〇二五年普通本科招生章程及其附件的完整说明与解读",
                        "<p>正文</p>" + img(png) + "<p>校园</p>" + img(photo) + img(webp),
                        List.of(new Attachment(pdf, "招生章程"), new Attachment(docx, null)),
                        cover,
                        List.of(png, photo, webp),
                        new WeChatVariant("2025年招生章程", "招生章程的摘要", "招生办"));
        int thumbsBefore = materials("thumb").size();

        send(request);

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.warnings()).isEmpty();
        JsonNode article = single(sandbox().articles(itemId));
        assertThat(article.path("title").asString()).isEqualTo("2025年招生章程");
        assertThat(article.path("author").asString()).isEqualTo("招生办");
        assertThat(article.path("digest").asString()).isEqualTo("招生章程的摘要");
        String content = article.path("content").asString();
        // every body image is on the fake's CDN, each one the fake took as JPG/PNG ≤ 1 MB
        List<String> srcs = srcs(content);
        assertThat(srcs).hasSize(3).allMatch(src -> src.startsWith("http://mmbiz.qpic.cn/"));
        assertThat(content).doesNotContain("/api/media/");
        List<JsonNode> images = images();
        for (String src : srcs) {
            JsonNode image =
                    images.stream()
                            .filter(i -> i.path("url").asString().equals(src))
                            .findFirst()
                            .orElseThrow();
            assertThat(image.path("format").asString()).isIn("jpg", "png");
            assertThat(image.path("size").asLong()).isLessThanOrEqualTo(1024 * 1024);
        }
        // the PNG went as it is; the 2 MB JPEG was made smaller
        assertThat(images).anyMatch(i -> i.path("sha256").asString().equals(png.sha256()));
        assertThat(images).noneMatch(i -> i.path("sha256").asString().equals(photo.sha256()));
        // the cover is a thumb material made from it, a JPEG ≤ 64 KB
        JsonNode thumb = material(article.path("thumb_media_id").asString());
        assertThat(thumb.path("type").asString()).isEqualTo("thumb");
        assertThat(thumb.path("format").asString()).isEqualTo("jpg");
        assertThat(thumb.path("size").asLong()).isLessThanOrEqualTo(64 * 1024);
        assertThat(materials("thumb")).hasSize(thumbsBefore + 1);
        // the attachments link the website's copies
        assertThat(content)
                .contains("href=\"" + pdf.publicUrl() + "\"")
                .contains("href=\"" + docx.publicUrl() + "\"")
                .contains("招生章程（PDF，1.2 MB）")
                .contains("收费标准.docx（Word，20.0 KB）");
        // read with the channel's own credential
        synchronized (authorizations) {
            assertThat(authorizations).isNotEmpty().allMatch(a -> a.startsWith("Basic "));
        }

        // the same cover and image in a second item: not uploaded again
        int imagesBefore = images().size();
        int thumbs = materials("thumb").size();
        UUID second = UUID.randomUUID();
        send(request(second, "第二篇", "<p>再次</p>" + img(png), List.of(), cover, List.of(png), null));

        reports.await(second, 1, DeliveryStatus.DELIVERED);
        JsonNode again = single(sandbox().articles(second));
        assertThat(again.path("thumb_media_id").asString())
                .isEqualTo(article.path("thumb_media_id").asString());
        assertThat(srcs(again.path("content").asString())).containsExactly(srcs.get(0));
        assertThat(materials("thumb")).hasSize(thumbs);
        assertThat(images()).hasSize(imagesBefore);
    }

    @Test
    void anUnreadableImageIsAWarningAndTheArticleIsPublished() throws Exception {
        MediaReference good = stored("ok.png", "image/png", png(30, 20));
        // the core answers with other bytes than the record's sha256
        MediaReference tampered = stored("changed.png", "image/png", png(30, 20));
        media.put(tampered.id(), png(31, 20));
        // not an image at all, although the record says so
        MediaReference notAnImage =
                stored("x.png", "image/png", "<svg/>".getBytes(StandardCharsets.UTF_8));
        UUID itemId = UUID.randomUUID();

        send(
                request(
                        itemId,
                        "图片有问题的公告",
                        img(good) + img(tampered) + img(notAnImage),
                        List.of(),
                        null,
                        List.of(good, tampered, notAnImage),
                        null));

        DeliveryReported delivered = reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        assertThat(delivered.warnings())
                .containsExactly(
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_UNREADABLE, "/api/media/" + tampered.id()),
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_TYPE_REFUSED,
                                "/api/media/" + notAnImage.id()));
        JsonNode article = single(sandbox().articles(itemId));
        assertThat(srcs(article.path("content").asString())).hasSize(1);
    }

    @Test
    void aLostAnswerToAnUploadPublishesOnce() throws Exception {
        MediaReference image = stored("lost.png", "image/png", png(50, 40));
        MediaReference cover = stored("lost-cover.png", "image/png", png(300, 128));
        sandbox().script("{\"endpoint\":\"media/uploadimg\",\"times\":1,\"applyThenDrop\":true}");
        sandbox()
                .script(
                        "{\"endpoint\":\"material/add_material\",\"times\":1,\"applyThenDrop\":true}");
        UUID itemId = UUID.randomUUID();

        send(request(itemId, "上传答复丢失", img(image), List.of(), cover, List.of(image), null));

        reports.await(itemId, 1, DeliveryStatus.DELIVERED);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox().jobs(itemId)).hasSize(1));
        JsonNode article = single(sandbox().articles(itemId));
        assertThat(srcs(article.path("content").asString())).hasSize(1);
        assertThat(material(article.path("thumb_media_id").asString()).path("type").asString())
                .isEqualTo("thumb");
    }

    private static PublicationRequested request(
            UUID itemId,
            String title,
            String body,
            List<Attachment> attachments,
            MediaReference cover,
            List<MediaReference> images,
            WeChatVariant variant) {
        PublicationRequested plain = WeChatRequests.request(itemId, 1, title, body);
        return new PublicationRequested(
                plain.eventId(),
                plain.itemId(),
                plain.version(),
                plain.occurredAt(),
                plain.title(),
                plain.summary(),
                plain.bodyHtml(),
                plain.channels(),
                plain.catalogueItem(),
                plain.department(),
                plain.canonicalUrl(),
                plain.ledText(),
                plain.producedOn(),
                plain.approvedBy(),
                plain.led(),
                attachments,
                cover,
                images,
                variant);
    }

    /** A file the core's stub serves. */
    private static MediaReference stored(String name, String type, byte[] bytes) throws Exception {
        UUID id = UUID.randomUUID();
        media.put(id, bytes);
        return reference(id, name, type, bytes.length, sha256(bytes));
    }

    /** An attachment: the channel only links it, never reads it. */
    private static MediaReference document(String name, String type, long size) {
        UUID id = UUID.randomUUID();
        return reference(id, name, type, size, HexFormat.of().formatHex(new byte[32]));
    }

    private static MediaReference reference(
            UUID id, String name, String type, long size, String sha256) {
        return new MediaReference(
                id,
                sha256,
                size,
                type,
                name,
                URI.create("http://localhost:8080/api/media/" + id),
                URI.create(
                        "https://xxgk.example.edu.cn/files/"
                                + sha256
                                + "/"
                                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)));
    }

    private static String img(MediaReference image) {
        return "<img src=\"/api/media/" + image.id() + "\">";
    }

    private static List<String> srcs(String content) {
        return org.jsoup.Jsoup.parseBodyFragment(content).select("img").eachAttr("src");
    }

    private List<JsonNode> images() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        json.readTree(sandbox().call("GET", "/images", null)).forEach(list::add);
        return list;
    }

    private List<JsonNode> materials(String type) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode m : json.readTree(sandbox().call("GET", "/materials", null))) {
            if (m.path("type").asString().equals(type)) {
                list.add(m);
            }
        }
        return list;
    }

    private JsonNode material(String mediaId) throws Exception {
        for (JsonNode m : json.readTree(sandbox().call("GET", "/materials", null))) {
            if (m.path("media_id").asString().equals(mediaId)) {
                return m;
            }
        }
        throw new AssertionError("no material " + mediaId);
    }

    private static JsonNode single(List<JsonNode> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Sandbox sandbox() {
        return new Sandbox(fakeWeChat);
    }

    private void send(PublicationRequested event) throws Exception {
        kafka.send(Topics.PUBLICATIONS, event.itemId().toString(), event).get();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(noise(width, height), "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
