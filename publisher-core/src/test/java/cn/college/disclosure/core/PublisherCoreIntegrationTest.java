package cn.college.disclosure.core;

import cn.college.disclosure.core.account.Accounts;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.testinfrastructure.PipelineInfrastructure;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one context configuration of the core's integration tests (so the context cache shares it):
 * the whole service on a random port against the real broker and database, called over HTTP.
 */
@PipelineInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PublisherCoreIntegrationTest {

    @LocalServerPort int port;

    @Autowired protected Accounts accounts;
    @Autowired protected JdbcClient jdbc;

    protected final JsonMapper json = JsonMapper.builder().build();

    /** A response: status, headers and the body as a JSON tree (a missing node if empty). */
    protected record Response(int status, HttpHeaders headers, JsonNode body) {

        String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? "none" : type.getType() + "/" + type.getSubtype();
        }
    }

    @BeforeEach
    void users() {
        accounts.createIfAbsent("liaison", "demo", Role.LIAISON, "教务处");
        accounts.createIfAbsent("liaison2", "demo", Role.LIAISON, "学生处");
        accounts.createIfAbsent("operator", "demo", Role.OPERATOR, null);
        accounts.createIfAbsent("reporter", "demo", Role.REPORTER, null);
        accounts.createIfAbsent("admin", "demo", Role.ADMIN, null);
    }

    protected Response call(
            HttpMethod method, String path, @Nullable String user, @Nullable Object body) {
        RestClient client =
                RestClient.builder()
                        .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                        .baseUrl("http://localhost:" + port)
                        .build();
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (user != null) {
            request.header(
                    HttpHeaders.AUTHORIZATION,
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String text ? text : json.writeValueAsString(body));
        }
        return request.exchange(
                (req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    return new Response(
                            res.getStatusCode().value(),
                            res.getHeaders(),
                            bytes.length == 0
                                    ? json.missingNode()
                                    : json.readTree(new String(bytes, StandardCharsets.UTF_8)));
                });
    }

    protected Response get(String path, String user) {
        return call(HttpMethod.GET, path, user, null);
    }

    protected Response post(String path, String user, @Nullable Object body) {
        return call(HttpMethod.POST, path, user, body);
    }

    /** Creates a draft as {@code liaison} (教务处) and returns its id. */
    protected String draft(Map<String, Object> fields) {
        Response created = post("/api/items", "liaison", fields);
        if (created.status() != 201) {
            throw new AssertionError("Could not create an item: " + created);
        }
        return created.body().get("id").asString();
    }

    protected String draft(String title) {
        return draft(Map.of("title", title, "body", "<p>正文</p>"));
    }

    protected long itemCount() {
        return jdbc.sql("select count(*) from item").query(Long.class).single();
    }
}
