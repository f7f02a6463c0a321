package cn.college.disclosure.channel.campusplatform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsTheIdTheTimestampAndTheBody() {
        WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String original = signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);

        assertThat(signature.sign("msg_other", 1614265330, BODY)).isNotEqualTo(original);
        assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, BODY))
                .isNotEqualTo(original);
        assertThat(
                        signature.sign(
                                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265330,
                                "{\"test\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(original);
    }

    @Test
    void neverPrintsTheSecret() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        assertThat(new WebhookSignature(secret).toString()).doesNotContain("MfKQ9r8");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookSignature("whsec_not base64!secret"))
                .withMessageNotContaining("not base64!secret");
    }
}
