package cn.college.disclosure.fakes.huidu;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inspection and scripting of the fake Huidu controllers. */
@RestController
@RequestMapping("/sandbox/huidu")
class HuiduSandbox {

    /**
     * A scripted failure.
     *
     * @param times how many of the next pushes fail
     * @param httpStatus what they answer, e.g. 503 or 400
     */
    record Script(int times, int httpStatus) {}

    private final FakeHuiduControllers controllers;

    HuiduSandbox(FakeHuiduControllers controllers) {
        this.controllers = controllers;
    }

    /** Every controller that took a push: its current programs (by name), last method, pushes. */
    @GetMapping("/programs")
    List<FakeHuiduControllers.Controller> programs() {
        return controllers.controllers();
    }

    /** Every push as it arrived, with the status the fake answered. */
    @GetMapping("/calls")
    List<FakeHuiduControllers.Call> calls() {
        return controllers.calls();
    }

    @PostMapping("/script")
    void script(@RequestBody Script script) {
        controllers.script(script.times(), script.httpStatus());
    }

    @PostMapping("/reset")
    void reset() {
        controllers.reset();
    }
}
