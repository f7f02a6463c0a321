package cn.college.disclosure.fakes.huidu;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the fake controllers hold: the current program per controller, the calls, the script. */
class FakeHuiduControllers {

    /**
     * A controller's state.
     *
     * @param programs the current programs, by name; empty once removed
     * @param lastMethod {@code replace} or {@code remove}
     * @param pushes programs taken
     */
    record Controller(
            String deviceId,
            Map<String, JsonNode> programs,
            @Nullable String lastMethod,
            @Nullable Instant lastPushAt,
            int pushes) {}

    /**
     * One call as it arrived.
     *
     * @param status what the fake answered
     */
    record Call(String deviceId, Instant at, int status, @Nullable String method) {}

    private final Clock clock;
    private final Map<String, Controller> controllers = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int failuresLeft;
    private int failureStatus;

    FakeHuiduControllers(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code times} pushes get {@code status} (e.g. 503) and change nothing. */
    synchronized void script(int times, int status) {
        failuresLeft = times;
        failureStatus = status;
    }

    /** The status the push is to fail with by script, if any; counts it down. */
    synchronized @Nullable Integer scriptedFailure() {
        if (failuresLeft <= 0) {
            return null;
        }
        failuresLeft--;
        return failureStatus;
    }

    synchronized void called(String deviceId, int status, @Nullable String method) {
        calls.add(new Call(deviceId, clock.instant(), status, method));
    }

    /** {@code replace}: the named programs become the controller's only programs. */
    synchronized void replace(String deviceId, List<JsonNode> programs) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        programs.forEach(p -> byName.put(p.path("name").asString(), p));
        store(deviceId, byName, "replace");
    }

    /** {@code remove}: the named programs leave the controller. */
    synchronized void remove(String deviceId, List<String> names) {
        Controller before = controllers.get(deviceId);
        Map<String, JsonNode> left =
                new LinkedHashMap<>(before == null ? Map.of() : before.programs());
        names.forEach(left::remove);
        store(deviceId, left, "remove");
    }

    private void store(String deviceId, Map<String, JsonNode> programs, String method) {
        Controller before = controllers.get(deviceId);
        controllers.put(
                deviceId,
                new Controller(
                        deviceId,
                        Map.copyOf(programs),
                        method,
                        clock.instant(),
                        before == null ? 1 : before.pushes() + 1));
    }

    synchronized List<Controller> controllers() {
        return List.copyOf(controllers.values());
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        controllers.clear();
        calls.clear();
        failuresLeft = 0;
    }
}
