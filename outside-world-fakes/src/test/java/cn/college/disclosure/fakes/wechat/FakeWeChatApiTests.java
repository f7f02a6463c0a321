package cn.college.disclosure.fakes.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The fake WeChat's image rules, as WeChat documents them, through its HTTP API. */
class FakeWeChatApiTests {

    private static final byte[] PNG =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    private static final byte[] JPG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10};
    private static final byte[] GIF = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private final JsonMapper json = JsonMapper.builder().build();
    private FakeWeChatAccount account;
    private MockMvc mvc;
    private String token;

    @BeforeEach
    void fake() throws Exception {
        FakeWeChatProperties properties =
                new FakeWeChatProperties(
                        "wx-fake-appid",
                        "fake-secret",
                        null,
                        "fake-callback-token",
                        Duration.ofMillis(100),
                        Duration.ofHours(2),
                        10_000,
                        "https://mp.weixin.qq.com/s/");
        account = new FakeWeChatAccount(properties, Clock.systemUTC());
        PublishJobs jobs =
                new PublishJobs(
                        account, properties, new SimpleAsyncTaskScheduler(), Clock.systemUTC());
        mvc =
                MockMvcBuilders.standaloneSetup(
                                new FakeWeChatApi(account, jobs, json),
                                new WeChatSandbox(account, jobs))
                        .build();
        token =
                json.readTree(
                                mvc.perform(
                                                post("/cgi-bin/stable_token")
                                                        .contentType(MediaType.APPLICATION_JSON)
                                                        .content(
                                                                "{\"grant_type\":\"client_credential\",\"appid\":\"wx-fake-appid\",\"secret\":\"fake-secret\"}"))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString())
                        .path("access_token")
                        .asString();
    }

    @Test
    void uploadimgTakesJpgAndPngUpToOneMegabyteByTheirBytes() throws Exception {
        uploadimg("photo.jpg", JPG)
                .andExpect(jsonPath("$.errcode").value(0))
                .andExpect(
                        jsonPath("$.url")
                                .value(org.hamcrest.Matchers.startsWith("http://mmbiz.qpic.cn/")));
        uploadimg("a.png", Arrays.copyOf(PNG, 1024 * 1024))
                .andExpect(jsonPath("$.errcode").value(0));

        // the name says png, the bytes are WebP / GIF: 40005
        uploadimg("a.png", WEBP).andExpect(jsonPath("$.errcode").value(40005));
        uploadimg("a.png", GIF).andExpect(jsonPath("$.errcode").value(40005));
        // one byte over 1 MB: 40009
        uploadimg("big.png", Arrays.copyOf(PNG, 1024 * 1024 + 1))
                .andExpect(jsonPath("$.errcode").value(40009));

        assertThat(account.images())
                .extracting(row -> row.get("format"), row -> row.get("size"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("jpg", (long) JPG.length),
                        org.assertj.core.groups.Tuple.tuple("png", 1024L * 1024));
        assertThat(account.images().get(0).get("sha256"))
                .isEqualTo(
                        java.util.HexFormat.of()
                                .formatHex(
                                        java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(JPG)));
    }

    @Test
    void aThumbIsAJpgOfAtMost64Kilobytes() throws Exception {
        addMaterial("thumb", "cover.jpg", Arrays.copyOf(JPG, 64 * 1024))
                .andExpect(jsonPath("$.errcode").value(0))
                .andExpect(jsonPath("$.media_id").isNotEmpty());
        addMaterial("thumb", "cover.jpg", PNG).andExpect(jsonPath("$.errcode").value(40005));
        addMaterial("thumb", "cover.jpg", Arrays.copyOf(JPG, 64 * 1024 + 1))
                .andExpect(jsonPath("$.errcode").value(45001));

        assertThat(account.materials())
                .singleElement()
                .satisfies(
                        m ->
                                assertThat(m)
                                        .containsEntry("type", "thumb")
                                        .containsEntry("format", "jpg")
                                        .containsEntry("size", 64L * 1024));
    }

    @Test
    void anImageMaterialIsBmpPngJpegOrGifOfAtMost10Megabytes() throws Exception {
        addMaterial("image", "a.png", PNG).andExpect(jsonPath("$.errcode").value(0));
        addMaterial("image", "a.gif", GIF).andExpect(jsonPath("$.errcode").value(0));
        addMaterial("image", "a.webp", WEBP).andExpect(jsonPath("$.errcode").value(40005));
        addMaterial("image", "big.png", Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1))
                .andExpect(jsonPath("$.errcode").value(40009));
        addMaterial("voice", "a.png", PNG).andExpect(jsonPath("$.errcode").value(40004));

        assertThat(account.materials())
                .extracting(m -> m.get("type") + "/" + m.get("format"))
                .containsExactly("image/png", "image/gif");
    }

    @Test
    void aDraftKeepsItsThumbAuthorAndCdnImagesAndStripsOthers() throws Exception {
        String thumb =
                json.readTree(
                                addMaterial("thumb", "cover.jpg", JPG)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString())
                        .path("media_id")
                        .asString();
        String cdn =
                json.readTree(
                                uploadimg("a.png", PNG)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString())
                        .path("url")
                        .asString();
        String article =
                json.writeValueAsString(
                        Map.of(
                                "articles",
                                java.util.List.of(
                                        Map.of(
                                                "title",
                                                "标题",
                                                "author",
                                                "教务处",
                                                "content",
                                                "<p>x</p><img src=\""
                                                        + cdn
                                                        + "\"><img src=\"https://example.org/a.png\">",
                                                "thumb_media_id",
                                                thumb))));
        mvc.perform(
                        post("/cgi-bin/draft/add")
                                .param("access_token", token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(article))
                .andExpect(jsonPath("$.media_id").isNotEmpty());

        FakeWeChatAccount.Article kept = account.draftList().get(0).articles().get(0);
        assertThat(kept.thumbMediaId()).isEqualTo(thumb);
        assertThat(kept.author()).isEqualTo("教务处");
        assertThat(kept.content()).contains(cdn).doesNotContain("example.org");
        assertThat(account.strippedImages()).containsExactly("https://example.org/a.png");
    }

    private ResultActions uploadimg(String name, byte[] bytes) throws Exception {
        return mvc.perform(
                        multipart("/cgi-bin/media/uploadimg")
                                .file(new MockMultipartFile("media", name, null, bytes))
                                .param("access_token", token))
                .andExpect(status().isOk());
    }

    private ResultActions addMaterial(String type, String name, byte[] bytes) throws Exception {
        return mvc.perform(
                        multipart("/cgi-bin/material/add_material")
                                .file(new MockMultipartFile("media", name, null, bytes))
                                .param("access_token", token)
                                .param("type", type))
                .andExpect(status().isOk());
    }
}
