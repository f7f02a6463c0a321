package cn.college.disclosure.channel.ledscreen.huidu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HuiduSignatureTests {

    @Test
    void matchesRfc2202TestCase2WhenBodyKeyAndDateConcatenateToItsData() {
        // RFC 2202 §2, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(HuiduSignature.sign("what do ya want ", "for ", "nothing?", "Jefe"))
                .isEqualTo("750c783e6ab0b503eaa86e310a5db738");
    }

    @Test
    void signsBodyThenSdkKeyThenDateKeyedByTheSecret() {
        // computed independently: printf '%s' '<body><sdkKey><date>' | openssl dgst -md5 -hmac
        // 'fake-huidu-secret'
        assertThat(
                        HuiduSignature.sign(
                                "{\"method\":\"remove\",\"programs\":[{\"name\":\"xxgk-gate\"}]}",
                                "fake-sdk-key",
                                "Tue, 3 Jun 2025 08:00:00 GMT",
                                "fake-huidu-secret"))
                .isEqualTo("86df4470ca9ff93c11c9223e8e7069ab");
    }

    @Test
    void signsTheUtf8BytesOfChineseTextAndKeys() {
        // printf '%s' '{"text":"明日停电"}k1Tue, 3 Jun 2025 08:00:00 GMT' | openssl dgst -md5 -hmac
        // '密钥'
        assertThat(
                        HuiduSignature.sign(
                                "{\"text\":\"明日停电\"}", "k1", "Tue, 3 Jun 2025 08:00:00 GMT", "密钥"))
                .isEqualTo("ce90586b587b147caf28e125ea86582e");
    }

    @Test
    void aDifferentDateGivesADifferentSignature() {
        assertThat(HuiduSignature.sign("{}", "k", "Tue, 3 Jun 2025 08:00:00 GMT", "s"))
                .isNotEqualTo(HuiduSignature.sign("{}", "k", "Tue, 3 Jun 2025 08:00:01 GMT", "s"));
    }
}
