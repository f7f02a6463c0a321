package cn.college.disclosure.fakes.campusplatform;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scripting and inspection of the fake campus platform, for tests and people. */
@RestController
@RequestMapping("/sandbox/campus")
class CampusPlatformSandbox {

    /**
     * The outage switch.
     *
     * @param down true: every webhook gets 503 until switched back
     */
    record Outage(boolean down) {}

    /**
     * The platform's signing secret.
     *
     * @param secret {@code whsec_} + base64; a channel still signing with the old one gets 401
     */
    record Secret(String secret) {}

    private final FakeCampusPlatform platform;

    CampusPlatformSandbox(FakeCampusPlatform platform) {
        this.platform = platform;
    }

    /**
     * The notices: {@code noticeId}, {@code version}, {@code title}, {@code url}, {@code types}
     * (every message applied to it), {@code webhookIds}, {@code retracted}, {@code signatureValid},
     * {@code duplicatesIgnored}.
     */
    @GetMapping("/notices")
    List<Map<String, Object>> notices() {
        return platform.notices();
    }

    /**
     * Every message received (also the refused ones), and the counts of duplicates and refusals.
     */
    @GetMapping("/messages")
    Map<String, Object> messages() {
        return platform.summary();
    }

    /** Queues an answer for the next calls: {@code {"times":3,"httpStatus":503}}. */
    @PostMapping("/script")
    void script(@RequestBody ScriptedAnswer answer) {
        platform.script(answer);
    }

    @PutMapping("/outage")
    void outage(@RequestBody Outage outage) {
        platform.down(outage.down());
    }

    /** Rotates the signing secret (until reset). */
    @PutMapping("/secret")
    void secret(@RequestBody Secret secret) {
        platform.secret(secret.secret());
    }

    @PostMapping("/reset")
    void reset() {
        platform.reset();
    }
}
