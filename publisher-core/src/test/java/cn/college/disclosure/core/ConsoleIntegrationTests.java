package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.college.disclosure.core.account.Role;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's pages over MockMvc, in the shared integration context (no context of its own): the
 * login form and its redirect, CSRF, role access, the language switch, form validation, department
 * isolation and the session-authenticated downloads.
 */
class ConsoleIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }

    private String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginFormAndTheApiStillAsksForBasic() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/console/items"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(MockMvcRequestBuilders.get("/api/items"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"publisher\""));
        String login =
                html(
                        mvc.perform(MockMvcRequestBuilders.get("/login"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(login).contains("信息公开发布平台", "name=\"_csrf\"", "登录");
    }

    @Test
    void theLoginFormSignsInWithTheDatabaseUsersAndLandsOnTheRolesPage() throws Exception {
        mvc.perform(
                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user("reporter")
                                .password("demo"))
                .andExpect(authenticated().withRoles("REPORTER"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(
                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user("reporter")
                                .password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(MockMvcRequestBuilders.get("/console").with(as("operator", "OPERATOR")))
                .andExpect(redirectedUrl("/console/operations"));
    }

    @Test
    void disablingAUserEndsTheConsoleSessionTheyHaveOpen() throws Exception {
        String name = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "demo", Role.REPORTER, null);
        MockHttpSession session =
                (MockHttpSession)
                        mvc.perform(
                                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                                .user(name)
                                                .password("demo"))
                                .andExpect(authenticated())
                                .andReturn()
                                .getRequest()
                                .getSession(false);
        mvc.perform(MockMvcRequestBuilders.get("/console/statistics").session(session))
                .andExpect(status().isOk());

        accounts.setEnabled(name, false);

        mvc.perform(MockMvcRequestBuilders.get("/console/statistics").session(session))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(name).password("demo"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(
                        MockMvcRequestBuilders.post("/console/items")
                                .with(as("liaison", "LIAISON"))
                                .param("title", "无令牌")
                                .param("body", "<p>x</p>"))
                .andExpect(status().isForbidden());
        mvc.perform(
                        MockMvcRequestBuilders.post("/login")
                                .param("username", "liaison")
                                .param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void eachRoleSeesOnlyItsPages() throws Exception {
        mvc.perform(
                        MockMvcRequestBuilders.get("/console/statistics")
                                .with(as("liaison", "LIAISON")))
                .andExpect(status().isForbidden());
        mvc.perform(
                        MockMvcRequestBuilders.get("/console/operations")
                                .with(as("reporter", "REPORTER")))
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get("/console/admin").with(as("operator", "OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(
                        MockMvcRequestBuilders.get("/console/items/new")
                                .with(as("reporter", "REPORTER")))
                .andExpect(status().isForbidden());

        String liaison =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/console/items")
                                                .with(as("liaison", "LIAISON")))
                                .andReturn());
        assertThat(liaison).contains("href=\"/console/items\"").doesNotContain("/console/admin");
        String admin =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/console/admin")
                                                .with(as("admin", "ADMIN")))
                                .andReturn());
        assertThat(admin)
                .contains(
                        "/console/items",
                        "/console/operations",
                        "/console/statistics",
                        "用户与部门",
                        "liaison2");
    }

    @Test
    void chineseIsTheDefaultAndLangEnSwitchesToEnglishForTheSession() throws Exception {
        String chinese =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/console/items")
                                                .with(as("liaison", "LIAISON")))
                                .andReturn());
        assertThat(chinese).contains("新建信息", "各渠道发布情况").doesNotContain("New item");

        MvcResult switched =
                mvc.perform(
                                MockMvcRequestBuilders.get("/console/items?lang=en")
                                        .with(as("liaison", "LIAISON")))
                        .andExpect(cookie().value("console-lang", "en"))
                        .andReturn();
        assertThat(html(switched)).contains("New item", "Channels").doesNotContain("新建信息");

        String remembered =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get("/console/items")
                                                .cookie(new Cookie("console-lang", "en"))
                                                .with(as("liaison", "LIAISON")))
                                .andReturn());
        assertThat(remembered).contains("New item");
    }

    @Test
    void anInvalidFormIsShownAgainWithItsErrorsAndNothingIsStored() throws Exception {
        long before = itemCount();
        String page =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items")
                                                .with(as("liaison", "LIAISON"))
                                                .with(csrf())
                                                .param("title", "")
                                                .param("summary", "摘要保留")
                                                .param("body", "<p>正文</p>")
                                                .param("channels", "WECHAT"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(page).contains("请修改下方标红的字段", "此项为必填。", "摘要保留");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void aLiaisonCreatesApprovesAndTheOtherDepartmentCannotOpenIt() throws Exception {
        MvcResult created =
                mvc.perform(
                                MockMvcRequestBuilders.post("/console/items")
                                        .with(as("liaison", "LIAISON"))
                                        .with(csrf())
                                        .param("title", "控制台测试通知")
                                        .param(
                                                "body",
                                                "<p onclick=\"x()\">正文</p><script>x()</script>")
                                        .param("catalogueItem", "7")
                                        .param("channels", "WEBSITE", "WECHAT"))
                        .andExpect(redirectedUrlPattern("/console/items/*"))
                        .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(get("/api/items/" + id, "liaison").body().get("body").asString())
                .isEqualTo("<p>正文</p>");

        mvc.perform(MockMvcRequestBuilders.get(location).with(as("liaison2", "LIAISON")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("其他部门")));
        mvc.perform(
                        MockMvcRequestBuilders.post(location + "/approve")
                                .with(as("liaison2", "LIAISON"))
                                .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(
                        MockMvcRequestBuilders.post(location + "/approve")
                                .with(as("liaison", "LIAISON"))
                                .with(csrf()))
                .andExpect(redirectedUrl(location));
        String detail =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get(location)
                                                .with(as("liaison", "LIAISON")))
                                .andReturn());
        assertThat(detail)
                .contains("data-channel=\"WEBSITE\" data-status=\"PENDING\"")
                .contains("data-channel=\"LED_SCREEN\" data-status=\"NOT_TARGETED\"")
                .contains("hx-trigger=\"every 2s\"");
    }

    @Test
    void theLedOptionsAreTypedInChinaTimeAndWrongOnesAreMarkedOnTheForm() throws Exception {
        MvcResult created =
                mvc.perform(
                                MockMvcRequestBuilders.post("/console/items")
                                        .with(as("liaison", "LIAISON"))
                                        .with(csrf())
                                        .param("title", "LED选项")
                                        .param("body", "<p>x</p>")
                                        .param("channels", "WEBSITE", "LED_SCREEN")
                                        .param("ledGroups", " library-lobby，gate, ")
                                        .param("ledPriority", "EMERGENCY")
                                        .param("ledStartAt", "2030-03-15T08:00")
                                        .param("ledExpireAt", "2030-03-16T20:30"))
                        .andExpect(redirectedUrlPattern("/console/items/*"))
                        .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        var item = get("/api/items/" + id, "liaison").body();
        assertThat(item.get("ledGroups").toString()).isEqualTo("[\"gate\",\"library-lobby\"]");
        assertThat(item.get("ledPriority").asString()).isEqualTo("EMERGENCY");
        assertThat(item.get("ledStartAt").asString()).isEqualTo("2030-03-15T00:00:00Z");
        assertThat(item.get("ledExpireAt").asString()).isEqualTo("2030-03-16T12:30:00Z");
        String edit =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.get(location + "/edit")
                                                .with(as("liaison", "LIAISON")))
                                .andReturn());
        assertThat(edit).contains("value=\"2030-03-15T08:00\"").contains("gate, library-lobby");

        long before = itemCount();
        String refused =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items")
                                                .with(as("liaison", "LIAISON"))
                                                .with(csrf())
                                                .param("title", "LED选项")
                                                .param("body", "<p>x</p>")
                                                .param("channels", "LED_SCREEN")
                                                .param("ledStartAt", "2030-03-15T08:00")
                                                .param("ledExpireAt", "2030-03-15T07:00"))
                                .andExpect(status().isOk())
                                .andReturn());
        String badGroups =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items")
                                                .with(as("liaison", "LIAISON"))
                                                .with(csrf())
                                                .param("title", "LED选项")
                                                .param("body", "<p>x</p>")
                                                .param("channels", "LED_SCREEN")
                                                .param("ledGroups", "Main Gate"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(refused).contains("必须晚于开始时间。");
        assertThat(badGroups).contains("分组名称为1至40个小写字母、数字或连字符");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void theLiveChecksCountWeChatLimitsAndPageTheLedText() throws Exception {
        String checks =
                html(
                        mvc.perform(
                                        MockMvcRequestBuilders.post("/console/items/checks")
                                                .with(as("liaison", "LIAISON"))
                                                .with(csrf())
                                                .param("title", "一".repeat(33))
                                                .param("body", "<p>x</p>")
                                                .param("channels", "WECHAT", "LED_SCREEN"))
                                .andExpect(status().isOk())
                                .andReturn());
        assertThat(checks)
                .contains("<b>33</b> / <span>32</span>", "counter-over", "第 1 / 2 屏", "第 2 / 2 屏");
    }

    @Test
    void aReporterDownloadsTheWorkbookWithTheConsoleSession() throws Exception {
        int year =
                Integer.parseInt(
                        html(mvc.perform(
                                                MockMvcRequestBuilders.get("/console/statistics")
                                                        .with(as("reporter", "REPORTER")))
                                        .andReturn())
                                .replaceAll("(?s).*<option value=\"(\\d{4})\" selected.*", "$1"));
        MvcResult xlsx =
                mvc.perform(
                                MockMvcRequestBuilders.get(
                                                "/console/statistics/annual.xlsx?year=" + year)
                                        .with(as("reporter", "REPORTER")))
                        .andExpect(status().isOk())
                        .andReturn();
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .asyncDispatch(xlsx))
                .andExpect(status().isOk())
                .andExpect(
                        header().string(
                                        "Content-Disposition",
                                        org.hamcrest.Matchers.containsString(
                                                "statistics-" + year + ".xlsx")))
                .andExpect(
                        result ->
                                assertThat(result.getResponse().getContentAsByteArray())
                                        .startsWith('P', 'K'));
        mvc.perform(
                        MockMvcRequestBuilders.get("/console/statistics/annual.csv?year=" + year)
                                .with(as("reporter", "REPORTER")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    @Test
    void anAdminCreatesDisablesAndResetsUsersAndMarksItemsNotApplicable() throws Exception {
        String name = "user" + System.nanoTime() % 100_000;
        mvc.perform(
                        MockMvcRequestBuilders.post("/console/admin/users")
                                .with(as("admin", "ADMIN"))
                                .with(csrf())
                                .param("username", name)
                                .param("password", "secret-123")
                                .param("role", "LIAISON")
                                .param("department", "后勤处"))
                .andExpect(redirectedUrl("/console/admin"));
        assertThat(accounts.find(name))
                .hasValueSatisfying(a -> assertThat(a.department()).isEqualTo("后勤处"));

        mvc.perform(
                        MockMvcRequestBuilders.post("/console/admin/users/" + name + "/enabled")
                                .with(as("admin", "ADMIN"))
                                .with(csrf())
                                .param("enabled", "false"))
                .andExpect(redirectedUrl("/console/admin"));
        assertThat(accounts.find(name)).isEmpty();
        mvc.perform(
                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user(name)
                                .password("secret-123"))
                .andExpect(redirectedUrl("/login?error"));

        mvc.perform(
                        MockMvcRequestBuilders.post("/console/admin/users/" + name + "/enabled")
                                .with(as("admin", "ADMIN"))
                                .with(csrf())
                                .param("enabled", "true"))
                .andExpect(redirectedUrl("/console/admin"));
        mvc.perform(
                        MockMvcRequestBuilders.post("/console/admin/users/" + name + "/password")
                                .with(as("admin", "ADMIN"))
                                .with(csrf())
                                .param("password", "another-456"))
                .andExpect(redirectedUrl("/console/admin"));
        mvc.perform(
                        SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user(name)
                                .password("another-456"))
                .andExpect(authenticated());

        // item 50 applies by default; mark it 不涉及 and back, so other tests see the default
        mark(50, true);
        assertThat(
                        get("/api/statistics/annual/report?year=" + currentYear(), "reporter")
                                .body()
                                .get("catalogueItems")
                                .get(49)
                                .get("status")
                                .asString())
                .isEqualTo("不涉及");
        mark(50, false);
        assertThat(
                        get("/api/statistics/annual/report?year=" + currentYear(), "reporter")
                                .body()
                                .get("catalogueItems")
                                .get(49)
                                .get("status")
                                .asString())
                .isNotEqualTo("不涉及");
    }

    @Test
    void anAdminUploadsACalendarYearAndARejectedFileNamesTheField() throws Exception {
        int next = java.time.LocalDate.now().getYear() + 1;
        String good =
                "{\"year\": %d, \"source\": \"测试\", \"holidays\": [{\"name\": \"元旦\", \"from\": \"%d-01-01\", \"to\": \"%d-01-01\"}], \"workdays\": []}"
                        .formatted(next, next, next);
        mvc.perform(
                        multipart("/console/admin/calendar")
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "cal.json",
                                                "application/json",
                                                good.getBytes(StandardCharsets.UTF_8)))
                                .with(as("admin", "ADMIN"))
                                .with(csrf()))
                .andExpect(redirectedUrl("/console/admin"))
                .andExpect(
                        result ->
                                assertThat(result.getFlashMap().get("notice").toString())
                                        .contains("notice.calendarUploaded"));
        mvc.perform(
                        multipart("/console/admin/calendar")
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "cal.json",
                                                "application/json",
                                                "{\"year\": 1999}"
                                                        .getBytes(StandardCharsets.UTF_8)))
                                .with(as("admin", "ADMIN"))
                                .with(csrf()))
                .andExpect(
                        result ->
                                assertThat(result.getFlashMap().get("notice").toString())
                                        .contains("notice.calendarRejected"));
    }

    private void mark(int item, boolean notApplicable) throws Exception {
        mvc.perform(
                        MockMvcRequestBuilders.post("/console/admin/not-applicable")
                                .with(as("admin", "ADMIN"))
                                .with(csrf())
                                .param("catalogueItem", String.valueOf(item))
                                .param("notApplicable", String.valueOf(notApplicable)))
                .andExpect(redirectedUrl("/console/admin"));
    }

    private int currentYear() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }
}
