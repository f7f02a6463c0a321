package cn.college.disclosure.channel.campusplatform.wecom;

import cn.college.disclosure.channel.campusplatform.CampusPlatformProperties;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three WeCom server APIs the channel uses ({@code gettoken}, {@code message/send}, {@code
 * message/recall}) on the configured host. Answers are WeCom's JSON with its {@code errcode}; only
 * the provider being unavailable (HTTP 5xx, I/O, a timeout, errcode −1 "system busy") is an
 * exception.
 */
class WeComApiClient {

    /** The Resilience4j circuit breaker and rate limiter of the WeCom API. */
    static final String NAME = "wecom";

    private final String apiHost;
    private final CampusPlatformProperties.WeCom wecom;
    private final HttpClient http;
    private final JsonMapper json;

    WeComApiClient(CampusPlatformProperties.WeCom wecom, JsonMapper json) {
        String host = wecom.apiHost().toString();
        this.apiHost = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        this.wecom = wecom;
        this.json = json;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(wecom.connectTimeout())
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /** {@code GET /cgi-bin/gettoken?corpid&corpsecret}. */
    JsonNode getToken() {
        return call(
                "gettoken",
                HttpRequest.newBuilder(
                                URI.create(
                                        apiHost
                                                + "/cgi-bin/gettoken?corpid="
                                                + encode(wecom.corpId())
                                                + "&corpsecret="
                                                + encode(wecom.corpSecret())))
                        .GET());
    }

    /** {@code POST /cgi-bin/message/send?access_token}. */
    JsonNode send(String token, Map<String, Object> message) {
        return post("message/send", token, message);
    }

    /** {@code POST /cgi-bin/message/recall?access_token}. */
    JsonNode recall(String token, String msgid) {
        return post("message/recall", token, Map.of("msgid", msgid));
    }

    private JsonNode post(String endpoint, String token, Map<String, Object> body) {
        return call(
                endpoint,
                HttpRequest.newBuilder(
                                URI.create(
                                        apiHost
                                                + "/cgi-bin/"
                                                + endpoint
                                                + "?access_token="
                                                + encode(token)))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        json.writeValueAsBytes(body))));
    }

    private JsonNode call(String endpoint, HttpRequest.Builder request) {
        HttpResponse<String> response;
        // the request timeout ends at the response headers; the body must come within it too
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(
                        request.timeout(readTimeout()).build(),
                        HttpResponse.BodyHandlers.ofString());
        try {
            response = exchange.get(readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderUnavailable(
                    "WeCom %s: no complete answer within %s".formatted(endpoint, readTimeout()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProviderUnavailable("WeCom " + endpoint + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted calling WeCom " + endpoint, e);
        }
        if (response.statusCode() >= 500) {
            throw new ProviderUnavailable(
                    "WeCom %s: HTTP %d".formatted(endpoint, response.statusCode()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new ProviderUnavailable(
                    "WeCom %s: HTTP %d with an unreadable body"
                            .formatted(endpoint, response.statusCode()),
                    e);
        }
        if (answer.path("errcode").asInt(0) == -1) {
            throw new ProviderUnavailable("WeCom " + endpoint + ": errcode -1 system busy");
        }
        return answer;
    }

    private Duration readTimeout() {
        return wecom.readTimeout();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
