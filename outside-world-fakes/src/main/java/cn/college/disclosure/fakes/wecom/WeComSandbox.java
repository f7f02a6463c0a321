package cn.college.disclosure.fakes.wecom;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scripting and inspection of the fake WeCom, for tests and people. */
@RestController
@RequestMapping("/sandbox/wecom")
class WeComSandbox {

    private final FakeWeCom wecom;

    WeComSandbox(FakeWeCom wecom) {
        this.wecom = wecom;
    }

    /**
     * Messages sent: {@code msgid}, {@code title}, {@code url}, {@code delivered}, {@code
     * recalled}.
     */
    @GetMapping("/messages")
    List<Map<String, Object>> messages() {
        return wecom.messages();
    }

    /** Calls per endpoint, token fetches, duplicates dropped by the duplicate check. */
    @GetMapping("/calls")
    Map<String, Object> calls() {
        return wecom.calls();
    }

    /** Queues a scripted answer: {@code {"endpoint":"message/send","times":1,"errcode":45009}}. */
    @PostMapping("/script")
    void script(@RequestBody WeComScript script) {
        wecom.script(script);
    }

    /** Every token expires now. */
    @PostMapping("/tokens/expire")
    void expireTokens() {
        wecom.expireTokens();
    }

    @PostMapping("/reset")
    void reset() {
        wecom.reset();
    }
}
