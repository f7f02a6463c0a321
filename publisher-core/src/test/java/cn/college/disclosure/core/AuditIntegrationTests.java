package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The audit log: each act leaves one entry in its own transaction, the API is for administrators
 * only, and the database refuses to change or remove an entry.
 */
class AuditIntegrationTests extends PublisherCoreIntegrationTest {

    @Test
    void approvingAndRetractingAreRecordedNewestFirstAndFilteredByItem() {
        String id = websiteDraft("审计日志测试-");
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        assertThat(
                        post("/api/items/" + id + "/retract", "liaison", Map.of("reason", "内容有误"))
                                .status())
                .isEqualTo(200);

        Response log = get("/api/audit?itemId=" + id, "admin");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("totalElements").asLong()).isEqualTo(2);
        JsonNode newest = log.body().get("content").get(0);
        assertThat(newest.get("action").asString()).isEqualTo("RETRACTED");
        assertThat(newest.get("actor").asString()).isEqualTo("liaison");
        assertThat(newest.get("detail").asString()).isEqualTo("内容有误");
        assertThat(newest.get("itemTitle").asString()).startsWith("审计日志测试-");
        assertThat(log.body().get("content").get(1).get("action").asString()).isEqualTo("APPROVED");
        assertThat(
                        get("/api/audit?action=APPROVED&actor=liaison&size=500", "admin")
                                .body()
                                .get("content")
                                .valueStream()
                                .map(entry -> entry.get("itemId").asString()))
                .contains(id);
    }

    private String websiteDraft(String title) {
        return draft(
                Map.of(
                        "title",
                        title + UUID.randomUUID(),
                        "body",
                        "<p>正文</p>",
                        "channels",
                        List.of("WEBSITE")));
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() {
        assertThat(get("/api/audit", "operator").status()).isEqualTo(403);
        assertThat(get("/api/audit", "liaison").status()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/audit", null, null).status()).isEqualTo(401);
        assertThat(get("/api/audit", "admin").status()).isEqualTo(200);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        String id = websiteDraft("不可篡改-");
        assertThat(post("/api/items/" + id + "/approve", "liaison", null).status()).isEqualTo(200);
        UUID item = UUID.fromString(id);

        assertThatThrownBy(
                        () ->
                                jdbc.sql(
                                                "update audit_entry set actor = 'mallory' where item_id = ?")
                                        .param(item)
                                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () ->
                                jdbc.sql("delete from audit_entry where item_id = ?")
                                        .param(item)
                                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(
                        jdbc.sql("select actor from audit_entry where item_id = ?")
                                .param(item)
                                .query(String.class)
                                .single())
                .isEqualTo("liaison");
    }
}
