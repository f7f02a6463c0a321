package cn.college.disclosure.fakes.ledscreen;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Inspection and control of the fake polling screens. */
@RestController
@RequestMapping("/sandbox/ledscreen")
class LedScreenSandbox {

    private final FakeLedScreens screens;

    LedScreenSandbox(FakeLedScreens screens) {
        this.screens = screens;
    }

    /** What each screen shows now (its pages), the versions it shows and acknowledged, errors. */
    @GetMapping("/screens")
    List<FakeLedScreens.ScreenState> screens() {
        return screens.states();
    }

    /**
     * Adds a screen at run time, e.g. {@code {"screenId":"gate-1","key":"…","group":"gate",
     * "feedUrl":"http://localhost:8083/led/feeds/gate.json","pollInterval":"PT1S"}}.
     */
    @PostMapping("/screens")
    void add(@RequestBody FakeLedScreenProperties.Screen screen) {
        screens.add(screen);
    }

    /** The screen goes dark and stops polling (a power cut). */
    @PostMapping("/screens/{screenId}/down")
    ResponseEntity<Void> down(@PathVariable String screenId) {
        return screens.setUp(screenId, false)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** The screen comes back and polls again. */
    @PostMapping("/screens/{screenId}/up")
    ResponseEntity<Void> up(@PathVariable String screenId) {
        return screens.setUp(screenId, true)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
