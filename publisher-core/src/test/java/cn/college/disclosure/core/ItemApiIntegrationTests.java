package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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
        assertThat(editAfterRetraction.body().get("detail").asString()).contains("已撤回");
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
        assertThat(again.body().get("detail").asString()).contains("只有草稿可以审核发布");
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
    void ledOptionsAreKeptPerVersionAndLeaveWithTheApprovalInThePublicationRequested() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "停水通知");
        fields.put("body", "<p>明日停水</p>");
        fields.put("channels", List.of("WEBSITE", "LED_SCREEN"));
        fields.put("ledGroups", List.of("library-lobby", "gate"));
        fields.put("ledPriority", "URGENT");
        fields.put("ledStartAt", "2030-03-15T00:00:00Z");
        fields.put("ledExpireAt", "2030-03-16T12:00:00Z");
        Response created = post("/api/items", "liaison", fields);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();

        JsonNode read = get("/api/items/" + id, "liaison").body();
        assertThat(strings(read.get("ledGroups"))).containsExactly("gate", "library-lobby");
        assertThat(read.get("ledPriority").asString()).isEqualTo("URGENT");
        assertThat(read.get("ledStartAt").asString()).isEqualTo("2030-03-15T00:00:00Z");
        assertThat(read.get("ledExpireAt").asString()).isEqualTo("2030-03-16T12:00:00Z");

        fields.put("ledPriority", "EMERGENCY");
        fields.put("ledGroups", List.of("gate"));
        fields.remove("ledStartAt");
        Response edited = call(HttpMethod.PUT, "/api/items/" + id, "liaison", fields);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("ledPriority").asString()).isEqualTo("EMERGENCY");
        assertThat(edited.body().get("ledStartAt").isNull()).isTrue();
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        JsonNode led = json.readTree(outboxPayloads(id).get(0)).get("led");
        assertThat(strings(led.get("groups"))).containsExactly("gate");
        assertThat(led.get("priority").asString()).isEqualTo("EMERGENCY");
        assertThat(led.get("startAt").isNull()).isTrue();
        assertThat(led.get("expireAt").asString()).isEqualTo("2030-03-16T12:00:00Z");

        // the next version starts from what the approved one chose, and may change it
        fields.put("ledPriority", "NORMAL");
        fields.put("ledGroups", List.of());
        Response revised = call(HttpMethod.PUT, "/api/items/" + id, "liaison", fields);
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);
        assertThat(revised.body().get("ledGroups")).isEmpty();
        assertThat(
                        jdbc.sql(
                                        "select led_priority from item_version where item_id = ?"
                                                + " order by version")
                                .param(UUID.fromString(id))
                                .query(String.class)
                                .list())
                .containsExactly("EMERGENCY", "NORMAL");
    }

    @Test
    void anItemThatDoesNotTargetTheLedScreensCarriesNoLedOptions() {
        String id =
                draft(Map.of("title", "网站公告", "body", "<p>x</p>", "channels", List.of("WEBSITE")));
        JsonNode view = get("/api/items/" + id, "liaison").body();
        assertThat(view.get("ledPriority").asString()).isEqualTo("NORMAL");
        assertThat(view.get("ledGroups")).isEmpty();
        assertThat(view.get("ledExpireAt").isNull()).isTrue();

        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);

        assertThat(json.readTree(outboxPayloads(id).get(0)).get("led").isNull()).isTrue();
    }

    @Test
    void invalidLedOptionsAre400NamingTheFieldAndStoreNothing() {
        long before = itemCount();

        assertBadField(
                post("/api/items", "liaison", led("ledGroups", List.of("gate", "Main Gate"))),
                "ledGroups");
        assertBadField(
                post("/api/items", "liaison", led("ledGroups", List.of("g".repeat(41)))),
                "ledGroups");
        assertBadField(post("/api/items", "liaison", led("ledPriority", "PANIC")), "ledPriority");
        assertBadField(post("/api/items", "liaison", led("ledStartAt", "tomorrow")), "ledStartAt");
        Map<String, Object> inverted = led("ledStartAt", "2030-03-16T00:00:00Z");
        inverted.put("ledExpireAt", "2030-03-15T00:00:00Z");
        Response response = post("/api/items", "liaison", inverted);
        assertBadField(response, "ledExpireAt");
        assertThat(response.body().get("detail").asString()).contains("必须晚于开始显示时间");
        inverted.put("ledExpireAt", "2030-03-16T00:00:00Z");
        assertBadField(post("/api/items", "liaison", inverted), "ledExpireAt");

        assertThat(itemCount()).isEqualTo(before);
    }

    private static Map<String, Object> led(String field, Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "LED");
        fields.put("body", "<p>x</p>");
        fields.put("channels", List.of("LED_SCREEN"));
        fields.put(field, value);
        return fields;
    }

    private List<String> outboxPayloads(String id) {
        return jdbc.sql("select payload from outbox where message_key = ? order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
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
        assertThat(response.body().get("detail").asString()).contains("尚未发布");
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
