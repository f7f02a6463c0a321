package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The hostile requests the fuzzing found answered with a 500, with a page that is not problem
 * details, or stored: each is sent as raw bytes on a socket (so that no client normalises an
 * invalid path, method or header away) and must be a 4xx {@code application/problem+json} that
 * names the field where one field is at fault, and must change nothing.
 */
class HostileRequestsIntegrationTests extends PublisherCoreIntegrationTest {

    private static final String DRAFT = "{draft}";
    private static final String APPROVED = "{approved}";

    /** One hostile request: the raw request line, its headers and body, and the field at fault. */
    record Hostile(
            String name,
            String method,
            String target,
            @Nullable String user,
            Map<String, String> headers,
            @Nullable String body,
            @Nullable String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Hostile item(String name, String json, String field) {
        return new Hostile(
                name,
                "POST",
                "/api/items",
                "liaison",
                Map.of("Content-Type", "application/json"),
                json,
                field);
    }

    private static Hostile bare(String name, String method, String target) {
        return new Hostile(name, method, target, "liaison", Map.of(), null, null);
    }

    static Stream<Hostile> hostileRequests() {
        String groups =
                IntStream.rangeClosed(1, 21)
                        .mapToObj(i -> "\"g" + i + "\"")
                        .collect(Collectors.joining(","));
        return Stream.of(
                item("NUL in title", "{\"title\":\"a\\u0000b\",\"body\":\"<p>x</p>\"}", "title"),
                item(
                        "NUL in summary",
                        "{\"title\":\"t\",\"summary\":\"a\\u0000\",\"body\":\"<p>x</p>\"}",
                        "summary"),
                item(
                        "NUL in ledText",
                        "{\"title\":\"t\",\"ledText\":\"a\\u0000\",\"body\":\"<p>x</p>\"}",
                        "ledText"),
                item(
                        "other C0 control in title",
                        "{\"title\":\"a\\u001bb\",\"body\":\"<p>x</p>\"}",
                        "title"),
                item("NUL in body", "{\"title\":\"t\",\"body\":\"<p>a\\u0000</p>\"}", "body"),
                item(
                        "ledStartAt in year 294277",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\","
                                + "\"ledStartAt\":\"+294277-01-01T00:00:00Z\"}",
                        "ledStartAt"),
                item(
                        "ledExpireAt before 1970",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\","
                                + "\"ledExpireAt\":\"1969-12-31T00:00:00Z\"}",
                        "ledExpireAt"),
                item(
                        "producedOn as a number",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\",\"producedOn\":20210310}",
                        "producedOn"),
                item(
                        "producedOn in year 0",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\",\"producedOn\":\"0000-03-10\"}",
                        "producedOn"),
                item(
                        "producedOn in year -999999999",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\","
                                + "\"producedOn\":\"-999999999-01-01\"}",
                        "producedOn"),
                item(
                        "catalogueItem as a fraction",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\",\"catalogueItem\":7.5}",
                        "catalogueItem"),
                item(
                        "catalogueItem as a string",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\",\"catalogueItem\":\"7\"}",
                        "catalogueItem"),
                item("title as a number", "{\"title\":123,\"body\":\"<p>x</p>\"}", "title"),
                item("title as a boolean", "{\"title\":true,\"body\":\"<p>x</p>\"}", "title"),
                item(
                        "title of zero-width characters only",
                        "{\"title\":\"\\u200b\\u200c\\u200d\\ufeff\\u2060\",\"body\":\"<p>x</p>\"}",
                        "title"),
                item(
                        "title with a lone surrogate",
                        "{\"title\":\"a\\ud800b\",\"body\":\"<p>x</p>\"}",
                        "title"),
                item(
                        "an image from outside the college",
                        "{\"title\":\"t\",\"body\":"
                                + "\"<p><img src='http://169.254.169.254/latest/x.png'></p>\"}",
                        "body"),
                item(
                        "21 LED groups",
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\",\"ledGroups\":[" + groups + "]}",
                        "ledGroups"),
                new Hostile(
                        "Content-Type */* on POST /api/items",
                        "POST",
                        "/api/items",
                        "liaison",
                        Map.of("Content-Type", "*/*"),
                        "{\"title\":\"t\",\"body\":\"<p>x</p>\"}",
                        null),
                new Hostile(
                        "Content-Type */* on PUT /api/items/{id}",
                        "PUT",
                        "/api/items/" + DRAFT,
                        "liaison",
                        Map.of("Content-Type", "*/*"),
                        "{\"title\":\"changed\",\"body\":\"<p>x</p>\"}",
                        null),
                new Hostile(
                        "NUL in title on PUT /api/items/{id}",
                        "PUT",
                        "/api/items/" + DRAFT,
                        "liaison",
                        Map.of("Content-Type", "application/json"),
                        "{\"title\":\"a\\u0000\",\"body\":\"<p>x</p>\"}",
                        "title"),
                new Hostile(
                        "retraction with a number as reason",
                        "POST",
                        "/api/items/" + APPROVED + "/retract",
                        "liaison",
                        Map.of("Content-Type", "application/json"),
                        "{\"reason\":42}",
                        "reason"),
                new Hostile(
                        "manual count 1.5",
                        "PUT",
                        "/api/statistics/manual-counts/2022",
                        "reporter",
                        Map.of("Content-Type", "application/json"),
                        "{\"counts\":{\"BULLETIN_BOARD\":1.5}}",
                        "counts.BULLETIN_BOARD"),
                new Hostile(
                        "manual count -1",
                        "PUT",
                        "/api/statistics/manual-counts/2022",
                        "reporter",
                        Map.of("Content-Type", "application/json"),
                        "{\"counts\":{\"BULLETIN_BOARD\":-1}}",
                        "counts.BULLETIN_BOARD"),
                new Hostile(
                        "manual count 10^12",
                        "PUT",
                        "/api/statistics/manual-counts/2022",
                        "reporter",
                        Map.of("Content-Type", "application/json"),
                        "{\"counts\":{\"BULLETIN_BOARD\":1000000000000}}",
                        "counts.BULLETIN_BOARD"),
                new Hostile(
                        "audit actor %00",
                        "GET", "/api/audit?actor=%00", "admin", Map.of(), null, "actor"),
                new Hostile(
                        "calendar year without a schedule",
                        "GET",
                        "/api/calendar/2199",
                        "liaison",
                        Map.of(),
                        null,
                        null),
                new Hostile(
                        "unparseable Accept",
                        "GET",
                        "/api/items",
                        "liaison",
                        Map.of("Accept", "text/html;;;q=x, /, @@"),
                        null,
                        null),
                bare("%00 in a path segment", "GET", "/api/items/%00"),
                bare("%2e%2e in a path segment", "GET", "/api/items/%2e%2e/x"),
                bare("; in a path segment", "GET", "/api/items;x=1"),
                bare("%2f in a path segment", "GET", "/api/items/a%2fb"),
                bare("%FF in a path segment", "GET", "/api/items/%FF"),
                bare("method FOO", "FOO", "/api/items"),
                bare("lowercase get", "get", "/api/items"),
                bare("method TRACE", "TRACE", "/api/items"),
                bare("DELETE on a collection (405)", "DELETE", "/api/items"),
                new Hostile(
                        "no credentials (401)", "GET", "/api/items", null, Map.of(), null, null),
                new Hostile(
                        "unauthenticated %00",
                        "GET", "/api/items/%00", null, Map.of(), null, null));
    }

    private String draftId;
    private String approvedId;

    @BeforeEach
    void items() {
        draftId = draft("敌意请求之草稿");
        approvedId = draft("敌意请求之已审");
        Response approved = post("/api/items/" + approvedId + "/approve", "liaison", null);
        assertThat(approved.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWithProblemDetailsNamingTheFieldAndStoresNothing(Hostile hostile)
            throws IOException {
        Map<String, Object> before = stored();

        RawResponse response = send(hostile);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.header("content-type"))
                .as(response.toString())
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.path("detail").asString())
                .as("a detail in Chinese: " + response)
                .containsPattern("\\p{IsHan}");
        if (hostile.field() != null) {
            List<String> fields = new ArrayList<>();
            if (problem.has("field")) {
                fields.add(problem.get("field").asString());
            }
            problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            assertThat(fields).as(response.toString()).contains(hostile.field());
        }
        assertThat(stored()).isEqualTo(before);
    }

    /** What a hostile request could have changed. */
    private Map<String, Object> stored() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("items", itemCount());
        state.put(
                "versions",
                jdbc.sql("select count(*) from item_version").query(Long.class).single());
        state.put(
                "draft",
                jdbc.sql(
                                "select v.title from item i join item_version v on v.item_id = i.id"
                                        + " and v.version = i.latest_version where i.id = ?::uuid")
                        .param(draftId)
                        .query(String.class)
                        .single());
        state.put("approved", get("/api/items/" + approvedId, "liaison").body().get("status"));
        state.put(
                "manual",
                get("/api/statistics/manual-counts/2022", "reporter").body().get("channels"));
        return state;
    }

    private RawResponse send(Hostile hostile) throws IOException {
        String target = hostile.target().replace(DRAFT, draftId).replace(APPROVED, approvedId);
        byte[] body =
                hostile.body() == null
                        ? new byte[0]
                        : hostile.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder();
        request.append(hostile.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
        request.append("Host: localhost:").append(port).append("\r\n");
        request.append("Connection: close\r\n");
        if (hostile.user() != null) {
            request.append("Authorization: Basic ")
                    .append(
                            Base64.getEncoder()
                                    .encodeToString(
                                            (hostile.user() + ":demo")
                                                    .getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        hostile.headers()
                .forEach(
                        (name, value) ->
                                request.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return RawResponse.parse(socket.getInputStream());
        }
    }

    /** A response as it came off the wire. */
    record RawResponse(int status, Map<String, String> headers, String body) {

        @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static RawResponse parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("No HTTP response: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = at;
                while (lineEnd + 1 < chunked.length
                        && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                    lineEnd++;
                }
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (length == 0) {
                    break;
                }
                out.write(chunked, lineEnd + 2, length);
                at = lineEnd + 2 + length + 2;
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }
}
