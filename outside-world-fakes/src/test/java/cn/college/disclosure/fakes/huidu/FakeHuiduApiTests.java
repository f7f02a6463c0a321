package cn.college.disclosure.fakes.huidu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FakeHuiduApiTests {

    private static final String DATE = "Tue, 3 Jun 2025 08:00:00 GMT";
    private static final String REPLACE =
            "{\"method\":\"replace\",\"programs\":[{\"name\":\"xxgk-gate\",\"items\":[]}]}";

    private final FakeHuiduControllers controllers = new FakeHuiduControllers(Clock.systemUTC());
    private final FakeHuiduApi api =
            new FakeHuiduApi(
                    new FakeHuiduProperties("fake-sdk-key", "fake-huidu-secret"), controllers);

    @Test
    void signsLikeTheKnownVector() {
        // printf '%s' '<body><sdkKey><date>' | openssl dgst -md5 -hmac 'fake-huidu-secret'
        assertThat(
                        FakeHuiduApi.sign(
                                "{\"method\":\"remove\",\"programs\":[{\"name\":\"xxgk-gate\"}]}",
                                "fake-sdk-key",
                                DATE,
                                "fake-huidu-secret"))
                .isEqualTo("86df4470ca9ff93c11c9223e8e7069ab");
    }

    @Test
    void storesACorrectlySignedProgramAndRefusesAWronglySignedOneWith401() {
        String good = FakeHuiduApi.sign(REPLACE, "fake-sdk-key", DATE, "fake-huidu-secret");
        String bad = FakeHuiduApi.sign(REPLACE, "fake-sdk-key", DATE, "another-secret");

        assertThat(push("fake-sdk-key", bad, REPLACE)).isEqualTo(401);
        assertThat(push("other-key", good, REPLACE)).isEqualTo(401);
        assertThat(controllers.controllers()).isEmpty();

        assertThat(push("fake-sdk-key", good, REPLACE)).isEqualTo(200);
        assertThat(controllers.controllers())
                .singleElement()
                .satisfies(c -> assertThat(c.programs()).containsKey("xxgk-gate"));
    }

    @Test
    void removesTheNamedProgramAndFailsAsScripted() {
        push(
                "fake-sdk-key",
                FakeHuiduApi.sign(REPLACE, "fake-sdk-key", DATE, "fake-huidu-secret"),
                REPLACE);
        String remove = "{\"method\":\"remove\",\"programs\":[{\"name\":\"xxgk-gate\"}]}";
        String sign = FakeHuiduApi.sign(remove, "fake-sdk-key", DATE, "fake-huidu-secret");
        controllers.script(1, 503);

        assertThat(push("fake-sdk-key", sign, remove)).isEqualTo(503);
        assertThat(controllers.controllers().get(0).programs()).containsKey("xxgk-gate");
        assertThat(push("fake-sdk-key", sign, remove)).isEqualTo(200);
        assertThat(controllers.controllers().get(0).programs()).isEmpty();
    }

    private int push(String sdkKey, String sign, String body) {
        return api.program("ctl-1", sdkKey, DATE, sign, body.getBytes(StandardCharsets.UTF_8))
                .getStatusCode()
                .value();
    }
}
