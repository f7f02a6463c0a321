package cn.college.disclosure.channel.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.runtime.ChannelParking;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of 400 or more of a channel service to a client that does not ask for HTML is
 * problem details with a short Chinese title and detail, and no exception text: Spring MVC's
 * refusals (404, 405, 400 for a malformed body or a missing parameter) and what ends on {@code
 * /error} (an exception no handler knew). A tiny channel application on Tomcat with the runtime's
 * web auto-configuration, endpoints shaped like the LED channel's.
 */
@SpringBootTest(
        classes = ChannelProblemsTests.TinyChannel.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.banner-mode=off")
class ChannelProblemsTests {

    @SpringBootConfiguration
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        ChannelWebAutoConfiguration.class
    })
    @Import(TinyChannel.Screens.class)
    static class TinyChannel {

        @Bean
        ChannelParking parking() {
            return Optional::empty;
        }

        record Ack(String version) {}

        @RestController
        static class Screens {

            @GetMapping("/led/feeds/{group}.json")
            Map<String, String> feed(@PathVariable String group) {
                return Map.of("group", group);
            }

            @PostMapping("/led/screens/{id}/ack")
            Map<String, String> ack(@PathVariable String id, @RequestBody Ack ack) {
                return Map.of("screen", id, "version", ack.version());
            }

            @GetMapping("/led/screens")
            Map<String, Integer> page(@RequestParam int size) {
                return Map.of("size", size);
            }

            @GetMapping("/led/broken")
            Map<String, String> broken() {
                throw new IllegalStateException("Internal secret: the database password is wrong");
            }
        }
    }

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(
            String method, String path, @Nullable String accept, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a problem of the status in Chinese and returns it. */
    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).containsPattern("\\p{IsHan}");
        assertThat(problem.get("detail").asString())
                .containsPattern("\\p{IsHan}")
                .doesNotContainPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
        return problem;
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        assertThat(
                        assertProblem(
                                        send(
                                                "GET",
                                                "/led/feeds/gate/x.json",
                                                "application/json",
                                                null),
                                        404)
                                .get("detail")
                                .asString())
                .isEqualTo("没有这个地址。");
        assertProblem(send("GET", "/led/nothing", null, null), 404);
    }

    @Test
    void aWrongMethodIsA405ProblemNamingTheAllowedOnes() throws Exception {
        HttpResponse<String> response =
                send("GET", "/led/screens/s1/ack", "application/json", null);

        assertThat(assertProblem(response, 405).get("detail").asString()).isEqualTo("此地址不支持该请求方法。");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aMalformedJsonBodyIsA400Problem() throws Exception {
        HttpResponse<String> response =
                send("POST", "/led/screens/s1/ack", "application/json", "{\"version\": ");

        assertThat(assertProblem(response, 400).get("detail").asString())
                .isEqualTo("请求体无法读取：不是有效的 JSON，或字段的类型不对。");
    }

    @Test
    void aMissingOrMistypedParameterIsA400ProblemNamingIt() throws Exception {
        assertThat(
                        assertProblem(send("GET", "/led/screens", "application/json", null), 400)
                                .get("detail")
                                .asString())
                .isEqualTo("缺少参数 size。");
        assertThat(
                        assertProblem(send("GET", "/led/screens?size=x", null, null), 400)
                                .get("detail")
                                .asString())
                .isEqualTo("参数 size 的格式不对。");
    }

    @Test
    void anUncaughtExceptionIsA500ProblemWithoutTheExceptionsText() throws Exception {
        for (String accept :
                new String[] {"application/json", "*/*", null, "application/xml", "text/plain"}) {
            HttpResponse<String> response = send("GET", "/led/broken", accept, null);

            JsonNode problem = assertProblem(response, 500);
            assertThat(problem.get("detail").asString()).isEqualTo("服务出错，请查看该渠道服务的日志。");
            assertThat(problem.get("instance").asString()).isEqualTo("/led/broken");
            assertThat(response.body()).doesNotContain("secret", "IllegalStateException");
        }
    }

    @Test
    void aBrowserStillGetsBootsErrorPage() throws Exception {
        HttpResponse<String> response =
                send("GET", "/led/broken", "text/html,application/xhtml+xml,*/*;q=0.8", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void theParkingEndpointStillAnswers() throws Exception {
        assertThat(send("GET", "/channel/parking", null, null).statusCode()).isEqualTo(204);
    }
}
