package cn.college.disclosure.fakes.wecom;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeCom server API paths the channel uses, under {@code /wecom/cgi-bin} (so the channel's
 * {@code api-host} is {@code http://localhost:8089/wecom}), answering as WeCom does: HTTP 200 with
 * {@code errcode}/{@code errmsg}.
 */
@RestController
@RequestMapping("/wecom/cgi-bin")
class FakeWeComApi {

    private static final Logger log = LoggerFactory.getLogger(FakeWeComApi.class);

    private final FakeWeCom wecom;
    private final JsonMapper json;

    FakeWeComApi(FakeWeCom wecom, JsonMapper json) {
        this.wecom = wecom;
        this.json = json;
    }

    @GetMapping("/gettoken")
    void getToken(
            @RequestParam("corpid") String corpId,
            @RequestParam("corpsecret") String corpSecret,
            HttpServletResponse response)
            throws IOException {
        answer("gettoken", null, response, () -> wecom.getToken(corpId, corpSecret));
    }

    @PostMapping("/message/send")
    void send(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        JsonNode message = json.readTree(body);
        answer("message/send", token, response, () -> wecom.send(message));
    }

    @PostMapping("/message/recall")
    void recall(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestBody String body,
            HttpServletResponse response)
            throws IOException {
        String msgid = json.readTree(body).path("msgid").asString("");
        answer(
                "message/recall",
                token,
                response,
                () -> {
                    wecom.recall(msgid);
                    return Map.of("errcode", 0, "errmsg", "ok");
                });
    }

    private void answer(
            String endpoint,
            @Nullable String token,
            HttpServletResponse response,
            Supplier<Map<String, Object>> work)
            throws IOException {
        wecom.count(endpoint);
        Optional<WeComScript> script = wecom.nextScript(endpoint);
        if (script.isPresent()) {
            log.info("Scripted answer for WeCom {}: {}", endpoint, script.get());
            if (script.get().expires()) {
                wecom.expireTokens();
            }
            if (script.get().httpStatus() != null) {
                response.setStatus(script.get().httpStatus());
                return;
            }
            if (script.get().errcode() != null) {
                write(response, error(script.get().errcode(), "scripted error"));
                return;
            }
        }
        Map<String, Object> body;
        try {
            if (!endpoint.equals("gettoken")) {
                wecom.admit(token == null ? "" : token);
            }
            body = work.get();
        } catch (FakeWeCom.Refusal refusal) {
            log.info("WeCom {} refused: {} {}", endpoint, refusal.errcode, refusal.getMessage());
            body = error(refusal.errcode, refusal.getMessage());
        }
        if (script.isPresent() && script.get().drops()) {
            log.info("WeCom {} applied; dropping the connection before the answer", endpoint);
            byte[] partial = "{\"errcode\":0,".getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType("application/json; charset=UTF-8");
            response.setContentLength(4096);
            response.getOutputStream().write(partial);
            response.flushBuffer();
            return;
        }
        write(response, body);
    }

    private void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(200);
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Map<String, Object> error(int errcode, @Nullable String errmsg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", errcode);
        body.put("errmsg", errmsg == null ? "" : errmsg);
        return body;
    }
}
