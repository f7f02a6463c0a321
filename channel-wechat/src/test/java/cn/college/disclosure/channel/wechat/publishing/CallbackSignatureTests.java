package cn.college.disclosure.channel.wechat.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackSignatureTests {

    @Test
    void signsTheSortedTokenTimestampAndNonceWithSha1() {
        // sha1("1409659813" + "1372623149" + "token") with the parts sorted: 1372623149 1409659813
        // token
        assertThat(CallbackSignature.of("token", "1409659813", "1372623149"))
                .isEqualTo(sha1("13726231491409659813token"));
    }

    @Test
    void acceptsOnlyTheRightSignature() {
        String good = CallbackSignature.of("secret-token", "1700000000", "42");
        assertThat(CallbackSignature.valid("secret-token", good, "1700000000", "42")).isTrue();
        assertThat(CallbackSignature.valid("secret-token", good.toUpperCase(), "1700000000", "42"))
                .isTrue();
        assertThat(CallbackSignature.valid("other-token", good, "1700000000", "42")).isFalse();
        assertThat(CallbackSignature.valid("secret-token", good, "1700000001", "42")).isFalse();
        assertThat(CallbackSignature.valid("secret-token", null, "1700000000", "42")).isFalse();
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-1")
                                    .digest(
                                            text.getBytes(
                                                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
