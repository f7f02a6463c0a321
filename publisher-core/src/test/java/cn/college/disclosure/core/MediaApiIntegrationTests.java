package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.media.MediaLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The media API against the disk store: each accepted type told from its bytes, the refusals as
 * problem details naming {@code file}, byte-identical downloads with their headers, safe names, one
 * stored object per content, and who may upload and read.
 */
class MediaApiIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired WebApplicationContext context;
    @Autowired MediaLibrary library;

    @Value("${publisher.media.directory}")
    Path directory;

    MediaUploads media;

    @BeforeEach
    void media() {
        media = new MediaUploads(port);
        accounts.createIfAbsent("channel-website", "demo", Role.CHANNEL, null);
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                accepted("招生章程.pdf", MediaSamples::pdf, "application/pdf"),
                accepted("财务预算.doc", MediaSamples::ole2, "application/msword"),
                accepted(
                        "就业质量年度报告.docx",
                        MediaSamples::docx,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                accepted("收费标准.xls", MediaSamples::ole2, "application/vnd.ms-excel"),
                accepted(
                        "收费标准.xlsx",
                        MediaSamples::xlsx,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                accepted("年度报告.ppt", MediaSamples::ole2, "application/vnd.ms-powerpoint"),
                accepted(
                        "年度报告.pptx",
                        MediaSamples::pptx,
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                accepted("决算表.ofd", MediaSamples::ofd, "application/ofd"),
                accepted("校园.jpg", MediaSamples::jpeg, "image/jpeg"),
                accepted("校园.png", MediaSamples::png, "image/png"),
                accepted("校园.gif", MediaSamples::gif, "image/gif"),
                accepted("校园.webp", MediaSamples::webp, "image/webp"),
                // the type comes from the bytes: no extension, or none of ours, is no obstacle
                accepted("扫描件", MediaSamples::pdf, "application/pdf"),
                accepted("决算表", MediaSamples::ofd, "application/ofd"));
    }

    private static Arguments accepted(String name, Supplier<byte[]> bytes, String type) {
        return Arguments.of(name, bytes.get(), type);
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("acceptedFiles")
    void storesEachAcceptedTypeAndServesItByteIdentical(String name, byte[] bytes, String type) {
        MediaUploads.Answer uploaded = media.upload("liaison", name, bytes);

        assertThat(uploaded.status())
                .as(new String(uploaded.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode file = uploaded.json();
        String id = file.get("id").asString();
        assertThat(file.get("fileName").asString()).isEqualTo(name);
        assertThat(file.get("contentType").asString()).isEqualTo(type);
        assertThat(file.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(bytes));
        assertThat(file.get("url").asString()).isEqualTo("/api/media/" + id);
        assertThat(uploaded.header("Location")).endsWith("/api/media/" + id);

        MediaUploads.Answer download = media.download("liaison2", "/api/media/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(bytes);
        assertThat(sha256(download.bytes())).isEqualTo(file.get("sha256").asString());
        assertThat(download.header("Content-Type")).isEqualTo(type);
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(bytes) + "\"");
        assertThat(download.header("Cache-Control"))
                .isEqualTo("max-age=31536000, private, immutable");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition"))
                .startsWith(type.startsWith("image/") ? "inline" : "attachment")
                .contains(
                        "filename*=UTF-8''"
                                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
        assertThat(library.find(UUID.fromString(id)))
                .hasValueSatisfying(
                        stored -> {
                            assertThat(stored.department()).isEqualTo("教务处");
                            assertThat(stored.uploadedBy()).isEqualTo("liaison");
                        });
        assertThat(library.apiUrl(UUID.fromString(id)).toString())
                .matches("http://localhost:\\d+/api/media/" + id);
    }

    static Stream<Arguments> refusedTypes() {
        return Stream.of(
                Arguments.of("通知.pdf", MediaSamples.exe()),
                Arguments.of("setup.exe", MediaSamples.exe()),
                Arguments.of("说明.txt", "只是一段文字".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("说明.pdf", "只是一段文字".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("归档.zip", MediaSamples.plainZip()),
                Arguments.of("归档.docx", MediaSamples.plainZip()),
                // OLE2 bytes whose name does not say which Office format they are
                Arguments.of("文件.bin", MediaSamples.ole2()),
                // accepted bytes under a name claiming another accepted type
                Arguments.of("招生章程.docx", MediaSamples.pdf()),
                Arguments.of(
                        "<script>.html",
                        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTypes")
    void refusesBytesOfAnotherTypeWith415NamingTheFile(String name, byte[] bytes) {
        long before = mediaCount();

        MediaUploads.Answer refused = media.upload("liaison", name, bytes);

        assertThat(refused.status()).isEqualTo(415);
        assertProblemNamingFile(refused);
        assertThat(mediaCount()).isEqualTo(before);
    }

    @Test
    void refusesAnEmptyFileWith400NamingTheFile() {
        MediaUploads.Answer refused = media.upload("liaison", "空.pdf", new byte[0]);

        assertThat(refused.status()).isEqualTo(400);
        assertProblemNamingFile(refused);
    }

    @Test
    void refusesAFileOverTheMaximumSizeWith413NamingTheFile() {
        // the test configuration's publisher.media.max-size is 2MB
        byte[] pdf = MediaSamples.pdf();
        byte[] large = java.util.Arrays.copyOf(pdf, 2 * 1024 * 1024 + 1);

        MediaUploads.Answer refused = media.upload("liaison", "过大.pdf", large);

        assertThat(refused.status()).isEqualTo(413);
        assertProblemNamingFile(refused);
    }

    @Test
    void acceptsAFileOfExactlyTheMaximumSizeAlthoughTheRequestLimitIsOneMegabyte() {
        byte[] pdf = MediaSamples.pdf();
        byte[] largest = java.util.Arrays.copyOf(pdf, 2 * 1024 * 1024);

        MediaUploads.Answer uploaded = media.upload("liaison", "最大.pdf", largest);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(largest.length);
    }

    @Test
    void refusesAnUploadWithoutTheFilePartWith400NamingIt() {
        MediaUploads.Answer refused =
                media.upload("liaison", "attachment", "招生章程.pdf", MediaSamples.pdf());

        assertThat(refused.status()).isEqualTo(400);
        assertProblemNamingFile(refused);
    }

    @Test
    void storesPathTraversalNamesAsPlainNamesAndTheBytesUnderTheirHash() throws IOException {
        byte[] bytes = MediaSamples.pdf();

        JsonNode unix = created(media.upload("liaison", "../../etc/passwd.pdf", bytes));
        JsonNode windows = created(media.upload("liaison", "..\\..\\x.pdf", bytes));
        JsonNode dots = created(media.upload("liaison", "..", bytes));
        JsonNode hidden = created(media.upload("liaison", "a\u0007b\u202e\u001b..pdf", bytes));

        assertThat(unix.get("fileName").asString()).isEqualTo("passwd.pdf");
        assertThat(windows.get("fileName").asString()).isEqualTo("x.pdf");
        assertThat(dots.get("fileName").asString()).isEqualTo("file.pdf");
        assertThat(hidden.get("fileName").asString()).isEqualTo("ab.pdf");
        String sha256 = sha256(bytes);
        assertThat(storedFiles())
                .contains(
                        directory
                                .resolve(sha256.substring(0, 2))
                                .resolve(sha256)
                                .toAbsolutePath()
                                .normalize());
        assertThat(Files.exists(directory.resolve("../../etc/passwd.pdf"))).isFalse();
        assertThat(Files.exists(directory.resolve("passwd.pdf"))).isFalse();
        assertThat(Files.exists(directory.resolve("x.pdf"))).isFalse();
    }

    @Test
    void refusesAFileNameWithANulCharacterWith400NamingTheFile() {
        MediaUploads.Answer refused = media.upload("liaison", "a\u0000.pdf", MediaSamples.pdf());

        assertThat(refused.status()).isEqualTo(400);
        assertProblemNamingFile(refused);
    }

    @Test
    void capsLongNamesAt200CharactersKeepingTheExtension() {
        String name = "关于".repeat(150) + ".pdf";

        JsonNode file = created(media.upload("liaison", name, MediaSamples.pdf()));

        assertThat(file.get("fileName").asString()).hasSize(200).endsWith("关于.pdf");
    }

    @Test
    void storesTheSameBytesOnceHoweverOftenTheyAreUploaded() throws IOException {
        byte[] bytes = MediaSamples.pdf();
        String sha256 = sha256(bytes);

        JsonNode first = media.upload("liaison", "第一次.pdf", bytes).json();
        JsonNode second = media.upload("liaison2", "第二次.pdf", bytes).json();

        assertThat(first.get("id").asString()).isNotEqualTo(second.get("id").asString());
        assertThat(second.get("sha256").asString()).isEqualTo(sha256);
        assertThat(
                        jdbc.sql("select count(*) from media where sha256 = ?")
                                .param(sha256)
                                .query(Long.class)
                                .single())
                .isEqualTo(2);
        assertThat(storedFiles())
                .filteredOn(path -> path.getFileName().toString().contains(sha256))
                .hasSize(1);
        assertThat(media.download("liaison", second.get("url").asString()).bytes())
                .isEqualTo(bytes);
        assertThat(library.find(UUID.fromString(second.get("id").asString())))
                .hasValueSatisfying(file -> assertThat(file.department()).isEqualTo("学生处"));
    }

    @Test
    void answersANotModifiedForTheSameETag() {
        byte[] bytes = MediaSamples.png();
        JsonNode file = media.upload("admin", "图.png", bytes).json();

        MediaUploads.Answer again =
                media.download("reporter", file.get("url").asString(), "\"" + sha256(bytes) + "\"");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
    }

    @Test
    void answersAnUnknownIdWith404Problem() {
        MediaUploads.Answer missing = media.download("liaison", "/api/media/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(media.download("liaison", "/api/media/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void liaisonsAndAdministratorsUploadAnyRoleReadsAndAChannelOnlyReadsFiles() {
        JsonNode byAdmin = media.upload("admin", "管理员上传.pdf", MediaSamples.pdf()).json();
        String url = byAdmin.get("url").asString();
        assertThat(library.find(UUID.fromString(byAdmin.get("id").asString())))
                .hasValueSatisfying(file -> assertThat(file.department()).isNull());

        assertThat(media.upload("reporter", "a.pdf", MediaSamples.pdf()).status()).isEqualTo(403);
        assertThat(media.upload("operator", "a.pdf", MediaSamples.pdf()).status()).isEqualTo(403);
        assertThat(media.upload("channel-website", "a.pdf", MediaSamples.pdf()).status())
                .isEqualTo(403);
        assertThat(media.download(null, url).status()).isEqualTo(401);
        for (String reader : new String[] {"liaison", "operator", "reporter", "admin"}) {
            assertThat(media.download(reader, url).status()).as(reader).isEqualTo(200);
        }

        assertThat(media.download("channel-website", url).status()).isEqualTo(200);
        assertThat(get("/api/items", "channel-website").status()).isEqualTo(403);
        assertThat(get("/api/channels", "channel-website").status()).isEqualTo(403);
        assertThat(get("/api/catalogue", "channel-website").status()).isEqualTo(403);
        assertThat(post("/api/items", "channel-website", java.util.Map.of("title", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void theConsoleUploadsWithItsSessionAndCsrfTokenAndReadsWithItsSession() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session =
                (MockHttpSession)
                        mvc.perform(
                                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                                .user("liaison")
                                                .password("demo"))
                                .andReturn()
                                .getRequest()
                                .getSession(false);
        byte[] bytes = MediaSamples.jpeg();
        MockMultipartFile file = new MockMultipartFile("file", "封面.jpg", "image/jpeg", bytes);

        mvc.perform(multipart("/console/media").file(file).session(session))
                .andExpect(status().isForbidden());
        String body =
                mvc.perform(multipart("/console/media").file(file).session(session).with(csrf()))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                        .andExpect(jsonPath("$.fileName").value("封面.jpg"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        String url = json.readTree(body).get("url").asString();

        byte[] read =
                mvc.perform(MockMvcRequestBuilders.get(url).session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
        assertThat(read).isEqualTo(bytes);
        // the session opens the files only: the rest of the API stays HTTP Basic
        mvc.perform(MockMvcRequestBuilders.get("/api/items").session(session))
                .andExpect(status().isUnauthorized());
        mvc.perform(
                        multipart("/console/media")
                                .file(
                                        new MockMultipartFile(
                                                "file", "x.txt", "text/plain", "x".getBytes()))
                                .session(session)
                                .with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.field").value("file"));
    }

    private void assertProblemNamingFile(MediaUploads.Answer answer) {
        assertThat(answer.header("Content-Type"))
                .as(answer.status() + " " + answer.headers() + " " + answer.text())
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("field").asString()).isEqualTo("file");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem.get("detail").asString()).containsPattern("\\p{IsHan}");
    }

    private static JsonNode created(MediaUploads.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json();
    }

    private long mediaCount() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    private Stream<Path> storedFilesStream() throws IOException {
        return Files.walk(directory.toAbsolutePath().normalize()).filter(Files::isRegularFile);
    }

    private java.util.List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = storedFilesStream()) {
            return files.toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
