package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's forms refuse what the API refuses (one validation), show the form again with the
 * field marked in Chinese and store nothing; the audit filter and the language cookie never end in
 * a 500.
 */
class ConsoleFormValidationIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder newItem() {
        return MockMvcRequestBuilders.post("/console/items")
                .with(user("liaison").roles("LIAISON"))
                .with(csrf())
                .param("summary", "摘要保留")
                .param("body", "<p>正文</p>")
                .param("channels", "WEBSITE", "LED_SCREEN");
    }

    @Test
    void aNulInTheTitleIsRefusedOnTheFormAndNothingIsStored() throws Exception {
        long before = itemCount();

        String page =
                html(
                        mvc.perform(newItem().param("title", "通知\u0000标题"))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("请修改下方标红的字段", "不能含控制字符", "摘要保留");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void aTitleOfZeroWidthCharactersIsRefusedOnTheForm() throws Exception {
        long before = itemCount();

        String page =
                html(
                        mvc.perform(newItem().param("title", "\u200b\u200d\ufeff"))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("须含至少一个可见字符");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void twentyOneLedGroupsAreRefusedAsTheApiRefusesThem() throws Exception {
        long before = itemCount();
        String groups =
                IntStream.rangeClosed(1, 21)
                        .mapToObj(i -> "g" + i)
                        .collect(Collectors.joining(","));

        String page =
                html(
                        mvc.perform(newItem().param("title", "分组太多").param("ledGroups", groups))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("最多 20 个分组");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void anImageFromOutsideTheCollegeIsRefusedOnTheBody() throws Exception {
        long before = itemCount();

        String page =
                html(
                        mvc.perform(
                                        newItem()
                                                .param("title", "外部图片")
                                                .param(
                                                        "body",
                                                        "<p><img src=\"http://169.254.169.254/x.png\"></p>"))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("不在本校网站上");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void theAuditFilterWithANulShowsThePageWithTheFieldMarked() throws Exception {
        String page =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/console/admin/audit")
                                                .with(user("admin").roles("ADMIN"))
                                                .param("actor", "ad\u0000min"))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("操作人不能含控制字符").doesNotContain("\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "klingon", "de-DE", "zz_ZZ_x", "@@", "fr", "_"})
    void anUnknownLanguageCookieFallsBackToChinese(String value) throws Exception {
        String page =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/login")
                                                .cookie(new Cookie("console-lang", value)))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("信息公开发布平台", "登录");
    }

    /** The console's manual counts follow the API's rule (ManualCountRules), said in Chinese. */
    @ParameterizedTest(name = "manual count {0}")
    @ValueSource(strings = {"1.5", "-1", "1000000000000", "1e3", "１２"})
    void aManualCountThatIsNotAWholeNumberUpToAMillionIsRefusedOnTheForm(String count)
            throws Exception {
        String before =
                jdbc.sql(
                                "select count(*) || ':' || coalesce(sum(count), 0) from statistics_manual_count")
                        .query(String.class)
                        .single();

        MvcResult saved =
                mvc.perform(
                                MockMvcRequestBuilders.post("/console/statistics/manual-counts")
                                        .with(user("reporter").roles("REPORTER"))
                                        .with(csrf())
                                        .param("year", "2022")
                                        .param("count.BULLETIN_BOARD", count))
                        .andExpect(status().is3xxRedirection())
                        .andReturn();
        String page =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get(
                                                        saved.getResponse().getRedirectedUrl())
                                                .with(user("reporter").roles("REPORTER"))
                                                .flashAttrs(saved.getFlashMap()))
                                .andExpect(status().isOk())
                                .andReturn());

        assertThat(page).contains("“公示栏”的数量须为 0 至 1000000 之间的整数。");
        assertThat(
                        jdbc.sql(
                                        "select count(*) || ':' || coalesce(sum(count), 0)"
                                                + " from statistics_manual_count")
                                .query(String.class)
                                .single())
                .isEqualTo(before);
    }

    @Test
    void aDownloadOfAYearWithoutStatisticsSaysWhyInChinese() throws Exception {
        MvcResult result =
                mvc.perform(
                                MockMvcRequestBuilders.get("/console/statistics/annual.csv")
                                        .with(user("reporter").roles("REPORTER"))
                                        .param("year", "1990"))
                        .andExpect(status().isBadRequest())
                        .andReturn();

        assertThat(html(result)).startsWith("统计年度有误");
    }
}
