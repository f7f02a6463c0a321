package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The editor's files, WeChat variant and schedule over MockMvc: what the form posts (the
 * attachments as {@code attachments[i]} fields, the cover, the WeChat fields, 定时发布/定时下线 typed in
 * China time) reaches the saved item as the API shows it, comes back into the editor, and the item
 * page lists the files and says 待发布 with the time; a schedule in the past or a file that is not
 * there is marked on its field in Chinese and nothing is stored; the WeChat check says which title
 * it counts.
 */
class ConsoleFilesAndSchedulesIntegrationTests extends PublisherCoreIntegrationTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor liaison() {
        return user("liaison").roles("LIAISON");
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static byte[] png(Color color) throws Exception {
        BufferedImage image = new BufferedImage(470, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 470, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Uploads a file as the editor does: {@code POST /console/media} with the session. */
    private String upload(String name, String type, byte[] bytes) throws Exception {
        MvcResult uploaded =
                mvc.perform(
                                multipart("/console/media")
                                        .file(new MockMultipartFile("file", name, type, bytes))
                                        .with(liaison())
                                        .with(csrf()))
                        .andExpect(status().isCreated())
                        .andReturn();
        return json.readTree(html(uploaded)).get("id").asString();
    }

    private static String china(Instant at) {
        return LOCAL.format(LocalDateTime.ofInstant(at, CHINA));
    }

    private static MockHttpServletRequestBuilder newItem(String title) {
        return MockMvcRequestBuilders.post("/console/items")
                .with(liaison())
                .with(csrf())
                .param("title", title)
                .param("body", "<p>正文</p>")
                .param("channels", "WEBSITE", "WECHAT");
    }

    @Test
    void theAttachmentsCoverWeChatFieldsAndScheduleOfTheFormReachTheSavedItem() throws Exception {
        String rules = upload("2026年招生章程.pdf", "application/pdf", pdf());
        String budget = upload("预算表.pdf", "application/pdf", pdf());
        String cover = upload("封面.png", "image/png", png(new Color(0x1a5fb4)));
        Instant publishAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Instant withdrawAt = publishAt.plus(7, ChronoUnit.DAYS);

        MvcResult created =
                mvc.perform(
                                newItem("关于公布2026年本科招生章程及学校预算的通知，请各位考生和家长认真阅读")
                                        .param(
                                                "body",
                                                "<p>正文</p><p><img src=\"/api/media/"
                                                        + cover
                                                        + "\" alt=\"封面\"></p>")
                                        .param("attachments[0].mediaId", budget)
                                        .param("attachments[0].fileName", "预算表.pdf")
                                        .param("attachments[1].mediaId", rules)
                                        .param("attachments[1].title", "招生章程（正式版）")
                                        .param("attachments[1].fileName", "2026年招生章程.pdf")
                                        .param("coverImage", cover)
                                        .param("wechatTitle", "2026年招生章程公布")
                                        .param("wechatDigest", "请考生和家长认真阅读")
                                        .param("wechatAuthor", "招生办")
                                        .param("publishAt", china(publishAt))
                                        .param("withdrawAt", china(withdrawAt))
                                        .param("withdrawReason", ""))
                        .andExpect(redirectedUrlPattern("/console/items/*"))
                        .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);

        var item = get("/api/items/" + id, "liaison").body();
        assertThat(item.get("attachments").get(0).get("mediaId").asString()).isEqualTo(budget);
        assertThat(item.get("attachments").get(0).get("title").isNull()).isTrue();
        assertThat(item.get("attachments").get(1).get("mediaId").asString()).isEqualTo(rules);
        assertThat(item.get("attachments").get(1).get("title").asString()).isEqualTo("招生章程（正式版）");
        assertThat(item.get("coverImage").get("mediaId").asString()).isEqualTo(cover);
        assertThat(item.get("wechatTitle").asString()).isEqualTo("2026年招生章程公布");
        assertThat(item.get("wechatDigest").asString()).isEqualTo("请考生和家长认真阅读");
        assertThat(item.get("wechatAuthor").asString()).isEqualTo("招生办");
        assertThat(Instant.parse(item.get("publishAt").asString())).isEqualTo(publishAt);
        assertThat(Instant.parse(item.get("withdrawAt").asString())).isEqualTo(withdrawAt);
        assertThat(
                        item.get("withdrawReason").isNull()
                                || item.get("withdrawReason").isMissingNode())
                .isTrue();
        assertThat(item.get("body").asString()).contains("src=\"/api/media/" + cover + "\"");

        String edit =
                html(
                        mvc.perform(MockMvcRequestBuilders.get(location + "/edit").with(liaison()))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(edit)
                .contains("name=\"attachments[0].mediaId\" value=\"" + budget + "\"")
                .contains("name=\"attachments[1].mediaId\" value=\"" + rules + "\"")
                .contains("value=\"招生章程（正式版）\"", "2026年招生章程.pdf")
                .contains("name=\"coverImage\" value=\"" + cover + "\" checked")
                .contains("value=\"" + china(publishAt) + "\"")
                .contains("value=\"" + china(withdrawAt) + "\"")
                .contains("北京时间");

        mvc.perform(MockMvcRequestBuilders.post(location + "/approve").with(liaison()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String detail =
                html(
                        mvc.perform(MockMvcRequestBuilders.get(location).with(liaison()))
                                .andExpect(status().isOk())
                                .andReturn());
        String chinaTime =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(CHINA)
                        .format(publishAt);
        assertThat(detail)
                .contains(">待发布<", "北京时间 " + chinaTime + " 发布")
                .contains("href=\"/api/media/" + rules + "\"", "招生章程（正式版）", ">PDF<")
                .contains("href=\"/api/media/" + budget + "\"", "预算表.pdf")
                .contains("id=\"cover-shown\"", "src=\"/api/media/" + cover + "\"");
        String list =
                html(
                        mvc.perform(MockMvcRequestBuilders.get("/console/items").with(liaison()))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(list)
                .contains(
                        "北京时间 "
                                + DateTimeFormatter.ofPattern("MM-dd HH:mm")
                                        .withZone(CHINA)
                                        .format(publishAt)
                                + " 发布");
    }

    @Test
    void aPublishingTimeInThePastIsMarkedOnItsFieldInChineseAndNothingIsStored() throws Exception {
        long before = itemCount();

        String page =
                html(
                        mvc.perform(
                                        newItem("过去的定时发布")
                                                .param(
                                                        "publishAt",
                                                        china(
                                                                Instant.now()
                                                                        .minus(
                                                                                1,
                                                                                ChronoUnit.HOURS))))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page)
                .contains("请修改下方标红的字段")
                .contains("定时发布时间须晚于现在（北京时间）。")
                .contains("id=\"publishAt\"", "aria-invalid=\"true\"");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void aWithdrawalBeforeThePublishingTimeAndAFileThatIsNotThereAreMarkedOnTheirFields()
            throws Exception {
        long before = itemCount();
        Instant publishAt = Instant.now().plus(3, ChronoUnit.DAYS);

        String page =
                html(
                        mvc.perform(
                                        newItem("下线早于发布")
                                                .param("publishAt", china(publishAt))
                                                .param(
                                                        "withdrawAt",
                                                        china(publishAt.minus(1, ChronoUnit.DAYS)))
                                                .param(
                                                        "attachments[0].mediaId",
                                                        UUID.randomUUID().toString())
                                                .param("attachments[0].fileName", "丢失的文件.pdf")
                                                .param("attachments[1].mediaId", "not-a-uuid")
                                                .param("attachments[1].fileName", "坏编号.pdf"))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page)
                .contains("定时下线时间须晚于定时发布时间。")
                .contains("找不到该文件，请重新上传。", "丢失的文件.pdf")
                .contains("附件的文件编号有误，请删除后重新上传。");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void theWeChatCheckSaysWhichTitleItCountsAndWarnsWhenItIsOver32() throws Exception {
        String longTitle = "关于公布2026年本科招生章程及学校预算决算和收费标准的通知请认真阅读";
        String overLimit =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items/checks")
                                                .with(liaison())
                                                .with(csrf())
                                                .param("title", longTitle)
                                                .param("body", "<p>x</p>")
                                                .param("channels", "WECHAT"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(overLimit)
                .contains("标题使用：标题", "摘要使用：正文开头")
                .contains("id=\"wechat-title-warning\"", "请填写 32 字以内的微信标题");

        String ownTitle =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items/checks")
                                                .with(liaison())
                                                .with(csrf())
                                                .param("title", longTitle)
                                                .param("wechatTitle", "2026年招生章程公布")
                                                .param("summary", "摘要")
                                                .param("body", "<p>x</p>")
                                                .param("channels", "WECHAT"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(ownTitle)
                .contains("标题使用：微信标题", "摘要使用：摘要", "data-field=\"wechatTitle\"")
                .doesNotContain("wechat-title-warning");

        String preview =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items/wechat-preview")
                                                .with(liaison())
                                                .with(csrf())
                                                .param("title", longTitle)
                                                .param("wechatTitle", "2026年招生章程公布")
                                                .param("wechatAuthor", "招生办")
                                                .param("body", "<p>正文<script>x()</script></p>"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(preview)
                .contains("2026年招生章程公布", "招生办", "标题使用：微信标题", "公众号默认封面")
                .doesNotContain("<script>");
    }
}
