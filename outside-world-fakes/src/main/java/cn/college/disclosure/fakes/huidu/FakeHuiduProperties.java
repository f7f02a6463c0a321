package cn.college.disclosure.fakes.huidu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fake Huidu controllers (any controller id is accepted; they share one key pair).
 *
 * @param sdkKey the only {@code sdkKey} header the fake accepts
 * @param secret the key of the HMAC-MD5 signature it checks
 */
@ConfigurationProperties("fakes.huidu")
record FakeHuiduProperties(
        @DefaultValue("fake-sdk-key") String sdkKey,
        @DefaultValue("fake-huidu-secret") String secret) {}
