package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.Topics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Items that refer to the media store: attachments, a cover and body images, what they refuse, the
 * WeChat variant, and what reaches the publications topic.
 */
class ItemFilesIntegrationTests extends PublisherCoreIntegrationTest {

    private static final String PDF =
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    @Autowired Environment environment;

    /** An uploaded file as the media API answered. */
    record Uploaded(UUID id, String sha256, long size, String contentType, String fileName) {}

    @Test
    void anItemWithAttachmentsACoverAndABodyImageCarriesTheirReferencesToTheTopic() {
        byte[] pdfBytes = (PDF + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        Uploaded pdf = upload("liaison", "招生章程 2026.pdf", pdfBytes);
        Uploaded budget =
                upload("liaison", "budget.pdf", (PDF + "b" + UUID.randomUUID()).getBytes());
        Uploaded cover = upload("liaison", "cover.png", png(235, 100));
        Uploaded picture = upload("liaison", "campus.png", png(40, 30));
        assertThat(pdf.sha256()).isEqualTo(sha256(pdfBytes));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");

        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("title", "2026年招生章程");
        fields.put(
                "body",
                "<p>见附件</p><img src=\"/api/media/%s\"><img src=\"/api/media/%s\">"
                        .formatted(picture.id(), picture.id()));
        fields.put("channels", List.of("WEBSITE", "WECHAT"));
        fields.put(
                "attachments",
                List.of(
                        Map.of("mediaId", pdf.id(), "title", "招生章程全文"),
                        Map.of("mediaId", budget.id())));
        fields.put("coverImage", cover.id());
        fields.put("wechatTitle", "招生章程");
        fields.put("wechatAuthor", "招生办");
        Response created = post("/api/items", "liaison", fields);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        JsonNode view = created.body();
        assertThat(view.get("body").asString())
                .contains("<img src=\"/api/media/" + picture.id() + "\">");
        JsonNode first = view.get("attachments").get(0);
        assertThat(first.get("mediaId").asString()).isEqualTo(pdf.id().toString());
        assertThat(first.get("title").asString()).isEqualTo("招生章程全文");
        assertThat(first.get("fileName").asString()).isEqualTo("招生章程 2026.pdf");
        assertThat(first.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(first.get("size").asLong()).isEqualTo(pdfBytes.length);
        assertThat(first.get("sha256").asString()).isEqualTo(pdf.sha256());
        assertThat(first.get("url").asString()).isEqualTo("/api/media/" + pdf.id());
        assertThat(view.get("attachments").get(1).get("title").isNull()).isTrue();
        assertThat(view.get("coverImage").get("mediaId").asString())
                .isEqualTo(cover.id().toString());
        assertThat(view.get("coverImage").get("contentType").asString()).isEqualTo("image/png");
        assertThat(view.get("wechatTitle").asString()).isEqualTo("招生章程");
        assertThat(view.get("wechatDigest").isNull()).isTrue();
        assertThat(view.get("wechatAuthor").asString()).isEqualTo("招生办");
        assertThat(view.get("publishAt").isNull()).isTrue();

        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        PublicationRequested event = publication(UUID.fromString(id));
        assertThat(event.attachments()).hasSize(2);
        Attachment attachment = event.attachments().get(0);
        assertThat(attachment.title()).isEqualTo("招生章程全文");
        MediaReference file = attachment.file();
        assertThat(file.id()).isEqualTo(pdf.id());
        assertThat(file.sha256()).isEqualTo(sha256(pdfBytes));
        assertThat(file.size()).isEqualTo(pdfBytes.length);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo("招生章程 2026.pdf");
        assertThat(file.url().toString()).endsWith("/api/media/" + pdf.id());
        assertThat(file.publicUrl())
                .hasToString(
                        "http://localhost:8081/files/"
                                + pdf.sha256()
                                + "/%E6%8B%9B%E7%94%9F%E7%AB%A0%E7%A8%8B%202026.pdf");
        assertThat(event.attachments().get(1).file().id()).isEqualTo(budget.id());
        assertThat(event.attachments().get(1).displayTitle()).isEqualTo("budget.pdf");
        assertThat(event.cover()).isNotNull();
        assertThat(event.cover().id()).isEqualTo(cover.id());
        assertThat(event.cover().sha256()).isEqualTo(cover.sha256());
        assertThat(event.cover().contentType()).isEqualTo("image/png");
        assertThat(event.images()).extracting(MediaReference::id).containsExactly(picture.id());
        assertThat(event.wechat()).isNotNull();
        assertThat(event.wechatTitle()).isEqualTo("招生章程");
        assertThat(event.wechatAuthor()).isEqualTo("招生办");
        assertThat(event.wechat().digest()).isNull();
    }

    @Test
    void anItemWithoutAVariantCarriesNone() {
        String id = draft(Map.of("title", "无变体", "body", "<p>x</p>"));
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        PublicationRequested event = publication(UUID.fromString(id));
        assertThat(event.wechat()).isNull();
        assertThat(event.attachments()).isEmpty();
        assertThat(event.cover()).isNull();
        assertThat(event.images()).isEmpty();
    }

    @Test
    void mediaAnItemCannotUseIs400Or403NamingTheFieldAndStoresNothing() {
        Uploaded pdf = upload("liaison", "a.pdf", (PDF + UUID.randomUUID()).getBytes());
        Uploaded image = upload("liaison", "a.png", png(10, 10));
        Uploaded otherDepartments = upload("liaison2", "b.png", png(11, 11));
        Uploaded admins = upload("admin", "c.png", png(12, 12));
        UUID unknown = UUID.randomUUID();
        long before = itemCount();

        assertProblem(
                create(Map.of("attachments", List.of(Map.of("mediaId", unknown)))),
                400,
                "attachments[0].mediaId");
        assertProblem(
                create(
                        Map.of(
                                "attachments",
                                List.of(Map.of("mediaId", pdf.id()), Map.of("mediaId", unknown)))),
                400,
                "attachments[1].mediaId");
        assertProblem(create(Map.of("coverImage", unknown)), 400, "coverImage");
        assertProblem(create(Map.of("coverImage", pdf.id())), 400, "coverImage");
        assertProblem(
                create(
                        Map.of(
                                "attachments",
                                List.of(Map.of("mediaId", pdf.id()), Map.of("mediaId", pdf.id())))),
                400,
                "attachments[1].mediaId");
        assertProblem(
                create(Map.of("body", "<img src=\"/api/media/" + unknown + "\">")), 400, "body");
        assertProblem(
                create(Map.of("body", "<img src=\"/api/media/" + pdf.id() + "\">")), 400, "body");
        assertProblem(create(Map.of("coverImage", otherDepartments.id())), 403, "coverImage");
        assertProblem(
                create(Map.of("body", "<img src=\"/api/media/" + otherDepartments.id() + "\">")),
                403,
                "body");
        assertProblem(
                create(Map.of("attachments", List.of(Map.of("mediaId", otherDepartments.id())))),
                403,
                "attachments[0].mediaId");
        assertThat(itemCount()).isEqualTo(before);

        // an admin's file is everyone's; another department's is usable once an approved item shows
        // it
        assertThat(create(Map.of("coverImage", admins.id())).status()).isEqualTo(201);
        assertThat(create(Map.of("coverImage", image.id())).status()).isEqualTo(201);
        Response theirs =
                call(
                        HttpMethod.POST,
                        "/api/items",
                        "liaison2",
                        Map.of(
                                "title",
                                "学生处",
                                "body",
                                "<p>x</p>",
                                "coverImage",
                                otherDepartments.id()));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(
                        post(
                                        "/api/items/"
                                                + theirs.body().get("id").asString()
                                                + "/approve",
                                        "liaison2",
                                        null)
                                .status())
                .isEqualTo(200);
        assertThat(create(Map.of("coverImage", otherDepartments.id())).status()).isEqualTo(201);
    }

    @Test
    void theWeChatVariantIsWhatWeChatsLimitsApplyTo() {
        String longTitle = "关".repeat(40);
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("title", longTitle);
        fields.put("body", "<p>x</p>");
        fields.put("channels", List.of("WECHAT"));
        fields.put("wechatTitle", "关于校园开放日的通知");
        String fits = draft(fields);
        assertThat(post("/api/items/" + fits + "/approve", "liaison", null).status())
                .isEqualTo(200);

        fields.remove("wechatTitle");
        fields.put("summary", "摘".repeat(200));
        fields.put("wechatTitle", "短标题");
        fields.put("wechatDigest", "短摘要");
        String digestFits = draft(fields);
        assertThat(post("/api/items/" + digestFits + "/approve", "liaison", null).status())
                .isEqualTo(200);

        fields.remove("wechatDigest");
        String summaryTooLong = draft(fields);
        Response refused = post("/api/items/" + summaryTooLong + "/approve", "liaison", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("field").asString()).isEqualTo("summary");

        // the variant itself is held to the limit too (bean validation: 32/128/16)
        fields.put("wechatTitle", "题".repeat(33));
        assertProblem(post("/api/items", "liaison", fields), 400, "wechatTitle");
        fields.put("wechatTitle", "短标题");
        fields.put("wechatAuthor", "作".repeat(17));
        assertProblem(post("/api/items", "liaison", fields), 400, "wechatAuthor");
    }

    private Response create(Map<String, Object> extra) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("title", "带文件的信息");
        fields.put("body", "<p>x</p>");
        fields.putAll(extra);
        return post("/api/items", "liaison", fields);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
    }

    private PublicationRequested publication(UUID itemId) {
        List<PublicationRequested> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            found.clear();
                            for (ConsumerRecord<String, Object> record :
                                    cn.college.disclosure.testinfrastructure.TopicRecorder.snapshot(
                                            environment.getRequiredProperty(
                                                    "spring.kafka.bootstrap-servers"),
                                            Topics.PUBLICATIONS)) {
                                if (itemId.toString().equals(record.key())
                                        && record.value() instanceof PublicationRequested event) {
                                    found.add(event);
                                }
                            }
                            assertThat(found).hasSize(1);
                        });
        return found.get(0);
    }

    /** Uploads a file with {@code POST /api/media} as the user. */
    Uploaded upload(String user, String fileName, byte[] bytes) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add(
                "file",
                new ByteArrayResource(bytes) {
                    @Override
                    public String getFilename() {
                        return fileName;
                    }
                });
        JsonNode body =
                RestClient.builder()
                        .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                        .baseUrl("http://localhost:" + port)
                        .build()
                        .post()
                        .uri("/api/media")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":demo")
                                                                .getBytes(StandardCharsets.UTF_8)))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(parts)
                        .exchange(
                                (request, response) -> {
                                    String text =
                                            new String(
                                                    response.getBody().readAllBytes(),
                                                    StandardCharsets.UTF_8);
                                    if (response.getStatusCode().value() != 201) {
                                        throw new AssertionError(
                                                "Upload refused: "
                                                        + response.getStatusCode()
                                                        + " "
                                                        + text);
                                    }
                                    return json.readTree(text);
                                });
        return new Uploaded(
                UUID.fromString(body.get("id").asString()),
                body.get("sha256").asString(),
                body.get("size").asLong(),
                body.get("contentType").asString(),
                body.get("fileName").asString());
    }

    /** A PNG of the size, its pixels random so that every call uploads a new file. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random();
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
