package cn.college.disclosure.faults;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers lost after WeChat applied {@code freepublish/submit} while publish jobs are slow to
 * finish (8 s each): the case that published items twice. A stack of its own, since the fake's
 * publish delay is set when it starts.
 */
class SlowPublishJobsFaultIntegrationTests {

    private static FaultStack stack;

    @BeforeAll
    static void startStack() {
        stack = new FaultStack("slow-publish-jobs", Map.of("fakes.wechat.publish-delay", "8s"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void answersDroppedAfterTheProvidersAppliedThemWithSlowPublishJobs() {
        FaultScenariosIntegrationTests.droppedAnswers(
                stack, "answers dropped (submit, webhook), slow publish jobs (8 s)", "DRS");
    }
}
