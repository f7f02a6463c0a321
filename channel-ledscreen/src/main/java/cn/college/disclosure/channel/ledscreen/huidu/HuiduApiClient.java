package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Push;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Huidu's program endpoint, {@code POST <url>/api/program/<deviceId>}, with the headers {@code
 * sdkKey}, {@code date} (RFC 1123, GMT) and {@code sign} (see {@link HuiduSignature}).
 */
class HuiduApiClient {

    private static final int MAX_DETAIL = 300;

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    HuiduApiClient(HttpClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the controller answered to a push it did receive.
     *
     * @param status the HTTP status: 2xx took the program, 4xx refused it
     * @param body the start of the answer, for the log and the operator
     */
    record Answer(int status, String body) {

        boolean accepted() {
            return status / 100 == 2;
        }
    }

    /**
     * Pushes the program.
     *
     * @return the controller's answer, 2xx or 4xx
     * @throws HuiduControllerUnavailable on a 5xx, an I/O error or a timeout
     */
    Answer push(Push push, HuiduProgram.ProgramPush program) {
        String body = json.writeValueAsString(program);
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        clock.instant().atOffset(ZoneOffset.UTC));
        HttpRequest request =
                HttpRequest.newBuilder(programUri(push))
                        .timeout(push.timeout())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("sdkKey", push.sdkKey())
                        .header("date", date)
                        .header(
                                "sign",
                                HuiduSignature.sign(body, push.sdkKey(), date, push.secret()))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        HttpResponse<String> response;
        try {
            response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // HttpTimeoutException and HttpConnectTimeoutException are IOExceptions
            throw new HuiduControllerUnavailable("%s: %s".formatted(request.uri(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HuiduControllerUnavailable(
                    "interrupted while pushing to " + request.uri(), e);
        }
        String detail = abbreviate(response.body());
        if (response.statusCode() >= 500) {
            throw new HuiduControllerUnavailable(
                    "%s answered %d %s".formatted(request.uri(), response.statusCode(), detail));
        }
        return new Answer(response.statusCode(), detail);
    }

    static URI programUri(Push push) {
        String base = push.url().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(
                base
                        + "/api/program/"
                        + URLEncoder.encode(push.deviceId(), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_DETAIL ? body : body.substring(0, MAX_DETAIL) + "…";
    }
}
