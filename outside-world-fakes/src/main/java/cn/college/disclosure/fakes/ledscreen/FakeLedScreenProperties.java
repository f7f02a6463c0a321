package cn.college.disclosure.fakes.ledscreen;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fake polling screens; none by default.
 *
 * @param screens the screens to run from start-up (more can be added through the sandbox)
 */
@ConfigurationProperties("fakes.ledscreen")
record FakeLedScreenProperties(@DefaultValue List<Screen> screens) {

    FakeLedScreenProperties {
        screens = List.copyOf(screens);
    }

    /**
     * One screen.
     *
     * @param screenId its id, as the LED channel knows it
     * @param key the key it acknowledges with ({@code Authorization: Bearer <key>})
     * @param group the screen group whose feed it plays
     * @param feedUrl the group's JSON feed, e.g. {@code http://localhost:8083/led/feeds/demo.json};
     *     acknowledgements go to {@code ../screens/<screenId>/ack} relative to it
     * @param pollInterval how often it polls
     */
    record Screen(
            String screenId,
            String key,
            String group,
            URI feedUrl,
            @DefaultValue("2s") Duration pollInterval) {

        Screen {
            // a screen added through the sandbox may name no interval
            if (pollInterval == null) {
                pollInterval = Duration.ofSeconds(2);
            }
        }
    }
}
