package cn.college.disclosure.fakes.campusplatform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fake platform.
 *
 * @param secret the webhook signing secret it shares with the channel ({@code whsec_} + base64)
 * @param tolerance how far {@code webhook-timestamp} may be from the fake's clock
 * @param noticeBaseUrl a notice's URL is this plus its id
 */
@ConfigurationProperties("fakes.campus-platform")
record FakeCampusPlatformProperties(
        @DefaultValue("whsec_ZGVtby1jYW1wdXMtcGxhdGZvcm0tc2VjcmV0LTMyYg==") String secret,
        @DefaultValue("5m") Duration tolerance,
        @DefaultValue("https://campus.example.edu.cn/notices/") String noticeBaseUrl) {}
