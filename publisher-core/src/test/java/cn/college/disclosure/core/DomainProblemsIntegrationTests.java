package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The domain's refusals (an item not found, approved twice, over WeChat's limit, ...) are problem
 * details in Chinese from the message bundle, never the exception's English, and keep their
 * machine-readable properties ({@code field}, {@code channel}, {@code limit}).
 */
class DomainProblemsIntegrationTests extends PublisherCoreIntegrationTest {

    /** The problem's detail and the messages of its errors, which a person may be shown. */
    private static void assertChinese(Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).as(response.toString()).isEqualTo(detail);
        assertThat(problem.get("title").asString()).containsPattern("\\p{IsHan}");
        List<String> texts = new java.util.ArrayList<>(List.of(detail));
        problem.path("errors").forEach(error -> texts.add(error.get("message").asString()));
        assertThat(texts)
                .allSatisfy(
                        text ->
                                assertThat(text)
                                        .containsPattern("\\p{IsHan}")
                                        .doesNotContainPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+"));
    }

    @Test
    void anUnknownItemIsA404InChinese() {
        Response response = get("/api/items/" + UUID.randomUUID(), "liaison");

        assertChinese(response, 404, "找不到该信息。");
    }

    @Test
    void approvingTwiceIsA409InChinese() {
        String id = draft("两次审核");
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        Response again = post("/api/items/" + id + "/approve", "liaison", null);

        assertChinese(again, 409, "只有草稿可以审核发布；该信息的最新版本已审核或已撤回。");
    }

    @Test
    void aWeChatTitleOver32CharactersIsA422NamingChannelFieldAndLimitInChinese() {
        String id =
                draft(
                        Map.of(
                                "title",
                                "微".repeat(33),
                                "body",
                                "<p>正文</p>",
                                "channels",
                                List.of("WECHAT")));

        Response response = post("/api/items/" + id + "/approve", "liaison", null);

        assertChinese(response, 422, "微信公众号的“标题”最多 32 个字。");
        assertThat(response.body().get("channel").asString()).isEqualTo("WECHAT");
        assertThat(response.body().get("field").asString()).isEqualTo("title");
        assertThat(response.body().get("limit").asInt()).isEqualTo(32);
        assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("title");
    }

    @Test
    void retractingADraftOrARetractedItemIsA409InChinese() {
        String id = draft("撤回草稿");
        Map<String, Object> reason = Map.of("reason", "测试");

        assertChinese(
                post("/api/items/" + id + "/retract", "liaison", reason),
                409,
                "该信息尚未发布，没有可撤回的线上版本。");

        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        assertThat(post("/api/items/" + id + "/retract", "liaison", reason).status())
                .isEqualTo(200);
        assertChinese(
                post("/api/items/" + id + "/retract", "liaison", reason),
                409,
                "该信息已撤回，不能再修改、审核或撤回。");
    }

    @Test
    void anItemOfAnotherDepartmentIsA403InChinese() {
        String id = draft("他部门的信息");

        assertChinese(
                post("/api/items/" + id + "/approve", "liaison2", null), 403, "该信息属于其他部门，您无权操作。");
    }

    @Test
    void anLedWindowThatEndsBeforeItStartsIsA400NamingLedExpireAtInChinese() {
        Response response =
                post(
                        "/api/items",
                        "liaison",
                        Map.of(
                                "title",
                                "LED窗口",
                                "body",
                                "<p>正文</p>",
                                "ledStartAt",
                                "2030-01-02T00:00:00Z",
                                "ledExpireAt",
                                "2030-01-01T00:00:00Z"));

        assertChinese(response, 400, "LED屏结束显示时间必须晚于开始显示时间。");
        assertThat(response.body().get("field").asString()).isEqualTo("ledExpireAt");
    }

    @Test
    void aBodyOver200KbIsA413NamingBodyAndTheLimitInChinese() {
        Response response =
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "长正文", "body", "<p>" + "字".repeat(70_000) + "</p>"));

        assertChinese(response, 413, "正文过大，最多 204800 字节。");
        assertThat(response.body().get("field").asString()).isEqualTo("body");
        assertThat(response.body().get("limit").asLong()).isEqualTo(204_800);
    }

    @Test
    void aRequestOver1MbIsA413InChinese() {
        Response response =
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "过大", "body", "<p>" + "x".repeat(1_100_000) + "</p>"));

        assertChinese(response, 413, "请求过大，最多 1048576 字节。");
    }

    @Test
    void aStatisticsYearThatIsNotOneIsA400NamingYearInChinese() {
        Response response = get("/api/statistics/annual?year=abc", "reporter");

        assertChinese(response, 400, "统计年度有误：须为有统计数据的年度（如 2021），且不能与起止日期同时给出。");
        assertThat(response.body().get("field").asString()).isEqualTo("year");
    }

    @Test
    void aRepairOfAnUnknownDeliveryIsA404InChinese() {
        Response response =
                post(
                        "/api/operations/deliveries/" + UUID.randomUUID() + "/1/WECHAT/retry",
                        "operator",
                        null);

        assertChinese(response, 404, "找不到该投递：台账和死信队列中都没有这条信息的这个版本在该渠道的投递。");
    }

    @ParameterizedTest(name = "manual count {0}")
    @ValueSource(strings = {"1.5", "-1", "1000000000000", "1e3", "\"12\""})
    void aManualCountThatIsNotAWholeNumberUpToAMillionIsA400NamingItInChinese(String count) {
        JsonNode before = get("/api/statistics/manual-counts/2022", "reporter").body();

        Response response =
                call(
                        HttpMethod.PUT,
                        "/api/statistics/manual-counts/2022",
                        "reporter",
                        "{\"counts\":{\"BULLETIN_BOARD\":" + count + "}}");

        assertChinese(response, 400, "“公示栏”的数量须为 0 至 1000000 之间的整数。");
        assertThat(response.body().get("field").asString()).isEqualTo("counts.BULLETIN_BOARD");
        assertThat(get("/api/statistics/manual-counts/2022", "reporter").body()).isEqualTo(before);
    }
}
