package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ItemApiIntegrationTests extends PublisherCoreIntegrationTest {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Test
    void aLiaisonDraftsEditsApprovesRevisesAndRetractsAnItemOfTheirDepartment() {
        Response created =
                post(
                        "/api/items",
                        "liaison",
                        Map.of(
                                "title", "2021年招生章程",
                                "summary", "本校2021年普通高等教育招生章程。",
                                "body",
                                        "<p onclick=\"x()\">第一条 为规范招生工作……</p><script>alert(1)</script>",
                                "catalogueItem", 7,
                                "channels", List.of("WEBSITE", "WECHAT"),
                                "department", "学生处",
                                "producedOn", "2021-03-10"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.headers().getLocation())
                .hasToString("http://localhost:" + port + "/api/items/" + id);
        assertThat(created.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.body().get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("department").asString()).isEqualTo("教务处");
        assertThat(created.body().get("body").asString()).isEqualTo("<p>第一条 为规范招生工作……</p>");

        Response edited =
                call(
                        HttpMethod.PUT,
                        "/api/items/" + id,
                        "liaison",
                        Map.of("title", "2021年招生章程(修订)", "body", "<p>一</p>"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("version").asInt()).isEqualTo(1);
        assertThat(edited.body().get("channels")).hasSize(4);

        Response approved = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("liveVersion").asInt()).isEqualTo(1);
        assertThat(approved.body().get("approvedBy").asString()).isEqualTo("liaison");
        assertThat(statuses(approved.body())).containsOnly("PENDING").hasSize(4);

        Response revised =
                call(
                        HttpMethod.PUT,
                        "/api/items/" + id,
                        "liaison",
                        Map.of("title", "第二版", "body", "<p>二</p>"));
        assertThat(revised.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);
        assertThat(revised.body().get("liveVersion").asInt()).isEqualTo(1);

        Response second = post("/api/items/" + id + "/approve", "liaison", null);
        assertThat(second.body().get("version").asInt()).isEqualTo(2);
        assertThat(second.body().get("liveVersion").asInt()).isEqualTo(2);

        Response retracted =
                post("/api/items/" + id + "/retract", "admin", Map.of("reason", "招生计划调整"));
        assertThat(retracted.status()).isEqualTo(200);
        assertThat(retracted.body().get("status").asString()).isEqualTo("RETRACTED");
        assertThat(retracted.body().get("retraction").get("version").asInt()).isEqualTo(2);

        Response editAfterRetraction =
                call(
                        HttpMethod.PUT,
                        "/api/items/" + id,
                        "liaison",
                        Map.of("title", "x", "body", "y"));
        assertThat(editAfterRetraction.status()).isEqualTo(409);
        assertThat(editAfterRetraction.body().get("detail").asString()).contains("RETRACTED");
        assertThat(
                        post("/api/items/" + id + "/retract", "liaison", Map.of("reason", "again"))
                                .status())
                .isEqualTo(409);

        assertThat(
                        jdbc.sql("select event_type from outbox where message_key = ? order by id")
                                .param(id)
                                .query(String.class)
                                .list())
                .containsExactly(
                        "publication-requested.v1",
                        "publication-requested.v1",
                        "publication-retracted.v1");
        Response listed = get("/api/items?status=RETRACTED&size=100", "reporter");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed.body().get("content"))).contains(id);
        assertThat(listed.body().get("totalElements").asLong()).isPositive();
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        Response response = call(HttpMethod.GET, "/api/items", null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aRoleThatMayNotCreateItemsGets403AsAProblem() {
        long before = itemCount();

        Response response = post("/api/items", "operator", Map.of("title", "t", "body", "b"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(itemCount()).isEqualTo(before);
        assertThat(get("/api/channels", "liaison").status()).isEqualTo(403);
    }

    @Test
    void aLiaisonOfAnotherDepartmentCannotEditApproveOrRetractTheItem() {
        String id = draft("教务处的草稿");

        Response edit =
                call(
                        HttpMethod.PUT,
                        "/api/items/" + id,
                        "liaison2",
                        Map.of("title", "改了", "body", "b"));
        Response approve = post("/api/items/" + id + "/approve", "liaison2", null);

        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.contentType()).isEqualTo(PROBLEM);
        assertThat(approve.status()).isEqualTo(403);
        assertThat(approve.contentType()).isEqualTo(PROBLEM);
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        assertThat(
                        post("/api/items/" + id + "/retract", "liaison2", Map.of("reason", "r"))
                                .status())
                .isEqualTo(403);
        JsonNode item = get("/api/items/" + id, "liaison2").body();
        assertThat(item.get("title").asString()).isEqualTo("教务处的草稿");
        assertThat(item.get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void approvingTwiceIs409NamingTheCurrentState() {
        String id = draft("两次批准");
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        Response again = post("/api/items/" + id + "/approve", "liaison", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo(PROBLEM);
        assertThat(again.body().get("detail").asString()).contains("APPROVED");
        assertThat(
                        jdbc.sql("select count(*) from outbox where message_key = ?")
                                .param(id)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }

    @Test
    void invalidInputIs400NamingTheFieldAndStoresNothing() {
        long before = itemCount();

        assertBadField(post("/api/items", "liaison", Map.of("body", "<p>x</p>")), "title");
        assertBadField(
                post("/api/items", "liaison", Map.of("title", "标".repeat(121), "body", "b")),
                "title");
        assertBadField(
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "t", "body", "b", "catalogueItem", 51)),
                "catalogueItem");
        assertBadField(
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "t", "body", "b", "catalogueItem", "seven")),
                "catalogueItem");
        assertBadField(
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "t", "body", "b", "channels", List.of("FAX"))),
                "channels");
        Response malformed = post("/api/items", "liaison", "{\"title\": \"t\", \"body\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo(PROBLEM);

        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void aBodyOver200KbIs413NamingTheBodyAndAnyRequestOver1MbIs413() {
        long before = itemCount();

        Response body =
                post(
                        "/api/items",
                        "liaison",
                        Map.of("title", "大正文", "body", "<p>" + "字".repeat(70_000) + "</p>"));
        Response request =
                post("/api/items", "liaison", Map.of("title", "巨大", "body", "x".repeat(1_100_000)));

        assertThat(body.status()).isEqualTo(413);
        assertThat(body.contentType()).isEqualTo(PROBLEM);
        assertThat(body.body().get("field").asString()).isEqualTo("body");
        assertThat(request.status()).isEqualTo(413);
        assertThat(request.contentType()).isEqualTo(PROBLEM);
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void approvingATitleOverWeChatsLimitIs422NamingChannelAndFieldAndLeavesTheDraft() {
        String id =
                draft(
                        Map.of(
                                "title",
                                "标".repeat(33),
                                "body",
                                "<p>x</p>",
                                "channels",
                                List.of("WEBSITE", "WECHAT")));

        Response response = post("/api/items/" + id + "/approve", "liaison", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.body().get("channel").asString()).isEqualTo("WECHAT");
        assertThat(response.body().get("field").asString()).isEqualTo("title");
        assertThat(response.body().get("limit").asInt()).isEqualTo(32);
        assertThat(get("/api/items/" + id, "liaison").body().get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(
                        jdbc.sql("select count(*) from outbox where message_key = ?")
                                .param(id)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void anUnknownItemIs404() {
        Response response = get("/api/items/" + UUID.randomUUID(), "reporter");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
    }

    @Test
    void retractingADraftThatWasNeverApprovedIs409() {
        String id = draft("从未批准");

        Response response = post("/api/items/" + id + "/retract", "liaison", Map.of("reason", "r"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("detail").asString()).contains("DRAFT");
        assertBadField(post("/api/items/" + id + "/retract", "liaison", Map.of()), "reason");
    }

    @Test
    void theCatalogueHasTenCategoriesAndFiftyItems() {
        JsonNode catalogue = get("/api/catalogue", "reporter").body();

        assertThat(catalogue.get("version").asString()).isEqualTo("2014-v1");
        assertThat(catalogue.get("categories")).hasSize(10);
        int items = 0;
        for (JsonNode category : catalogue.get("categories")) {
            items += category.get("items").size();
        }
        assertThat(items).isEqualTo(50);
    }

    private void assertBadField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
    }

    private static List<String> statuses(JsonNode item) {
        List<String> statuses = new ArrayList<>();
        item.get("deliveries").forEach(delivery -> statuses.add(delivery.get("status").asString()));
        return statuses;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
