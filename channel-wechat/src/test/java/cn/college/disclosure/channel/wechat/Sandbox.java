package cn.college.disclosure.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake WeChat's own records and scripts ({@code /sandbox/wechat}): what WeChat holds. */
final class Sandbox {

    private final String fake;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    Sandbox(String fake) {
        this.fake = fake;
    }

    String call(String method, String path, @Nullable String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(fake + "/sandbox/wechat" + path))
                        .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isLessThan(300);
        return response.body();
    }

    void script(String script) throws Exception {
        call("POST", "/script", script);
    }

    void settings(String settings) throws Exception {
        call("PUT", "/settings", settings);
    }

    int calls(String endpoint) throws Exception {
        return json.readTree(call("GET", "/calls", null)).path("calls").path(endpoint).asInt(0);
    }

    /** Every publish job WeChat accepted for the item (any version), running ones included. */
    List<JsonNode> jobs(UUID itemId) throws Exception {
        return ofItem(call("GET", "/jobs", null), itemId);
    }

    /** Every published article of the item (any version), deleted ones included. */
    List<JsonNode> articles(UUID itemId) throws Exception {
        return ofItem(call("GET", "/articles", null), itemId);
    }

    /** The item's drafts still in the draft box. */
    List<JsonNode> drafts(UUID itemId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode draft : json.readTree(call("GET", "/drafts", null))) {
            if (draft.path("content_source_urls").toString().contains(itemId.toString())) {
                found.add(draft);
            }
        }
        return found;
    }

    private List<JsonNode> ofItem(String list, UUID itemId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode row : json.readTree(list)) {
            if (row.path("content_source_url").asString("").contains(itemId.toString())) {
                found.add(row);
            }
        }
        return found;
    }
}
