package cn.college.disclosure.fakes.huidu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/program/{id}} as a Huidu controller takes it: headers {@code sdkKey}, {@code
 * date} and {@code sign = hex(HMAC-MD5(body + sdkKey + date, secret))}, body {@code {"method":
 * "replace"|"remove", "programs": [...]}}. A missing or wrong signature or key is 401; a body that
 * is not such a request is 400; a scripted failure answers its status and changes nothing.
 */
@RestController
class FakeHuiduApi {

    private static final Logger log = LoggerFactory.getLogger(FakeHuiduApi.class);

    private final FakeHuiduProperties properties;
    private final FakeHuiduControllers controllers;
    private final JsonMapper json = JsonMapper.builder().build();

    FakeHuiduApi(FakeHuiduProperties properties, FakeHuiduControllers controllers) {
        this.properties = properties;
        this.controllers = controllers;
    }

    @PostMapping("/api/program/{deviceId}")
    ResponseEntity<Map<String, Object>> program(
            @PathVariable String deviceId,
            @RequestHeader(name = "sdkKey", required = false) @Nullable String sdkKey,
            @RequestHeader(name = "date", required = false) @Nullable String date,
            @RequestHeader(name = "sign", required = false) @Nullable String sign,
            @RequestBody(required = false) byte @Nullable [] raw) {
        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        if (sdkKey == null
                || date == null
                || sign == null
                || !same(properties.sdkKey(), sdkKey)
                || !same(
                        sign(body, sdkKey, date, properties.secret()),
                        sign.toLowerCase(Locale.ROOT))) {
            controllers.called(deviceId, 401, null);
            log.warn("Fake Huidu {}: refused a push with a bad sdkKey or sign", deviceId);
            return answer(401, "bad sdkKey or sign");
        }
        Integer scripted = controllers.scriptedFailure();
        if (scripted != null) {
            controllers.called(deviceId, scripted, null);
            return answer(scripted, "scripted failure");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            controllers.called(deviceId, 400, null);
            return answer(400, "body is not JSON");
        }
        String method = request.path("method").asString("");
        List<JsonNode> programs = new ArrayList<>();
        request.path("programs").forEach(programs::add);
        if (programs.isEmpty()
                || programs.stream().anyMatch(p -> p.path("name").asString("").isEmpty())) {
            controllers.called(deviceId, 400, method);
            return answer(400, "programs[].name missing");
        }
        switch (method) {
            case "replace" -> controllers.replace(deviceId, programs);
            case "remove" ->
                    controllers.remove(
                            deviceId,
                            programs.stream().map(p -> p.path("name").asString()).toList());
            default -> {
                controllers.called(deviceId, 400, method);
                return answer(400, "unknown method '%s'".formatted(method));
            }
        }
        controllers.called(deviceId, 200, method);
        log.info("Fake Huidu {}: {} {} program(s)", deviceId, method, programs.size());
        return answer(200, "ok");
    }

    private static ResponseEntity<Map<String, Object>> answer(int status, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("code", status == 200 ? 0 : status, "message", message));
    }

    /** The signature, computed independently of the channel's own code. */
    static String sign(String body, String sdkKey, String date, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal((body + sdkKey + date).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is not available: " + e, e);
        }
    }

    private static boolean same(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
