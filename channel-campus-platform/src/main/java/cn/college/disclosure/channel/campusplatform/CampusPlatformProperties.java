package cn.college.disclosure.channel.campusplatform;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the channel reaches the campus platform.
 *
 * @param adapter which way in the college's platform offers; one per deployment
 * @param webhook the signed webhook (the default)
 * @param wecom the 企业微信 application message
 */
@ConfigurationProperties("channel.campus-platform")
public record CampusPlatformProperties(
        @DefaultValue("webhook") Adapter adapter,
        @DefaultValue Webhook webhook,
        @DefaultValue WeCom wecom) {

    /** The ways in a platform offers. */
    public enum Adapter {
        /** Standard Webhooks: a signed POST of the notice JSON. */
        WEBHOOK,
        /** 企业微信: a {@code textcard} application message. */
        WECOM
    }

    /**
     * The platform's webhook endpoint.
     *
     * @param url where notices are POSTed
     * @param secret the signing secret, {@code whsec_} + base64 of the key; never logged
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the platform may take to answer; after it the outcome is unknown
     * @param defaultRetryAfter the pause after a 429 that carries no {@code Retry-After}
     * @param maxRetryAfter the longest pause a 429 may impose
     * @param excerptLength how much of a refusal's body goes into the delivery's detail
     */
    public record Webhook(
            @DefaultValue("http://localhost:8089/campus/webhooks/notices") URI url,
            @DefaultValue("whsec_ZGVtby1jYW1wdXMtcGxhdGZvcm0tc2VjcmV0LTMyYg==") String secret,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("30s") Duration defaultRetryAfter,
            @DefaultValue("10m") Duration maxRetryAfter,
            @DefaultValue("300") int excerptLength) {

        @Override
        public String toString() {
            return "Webhook[url=%s, secret=whsec_…]".formatted(url);
        }
    }

    /**
     * The 企业微信 self-built application that sends the cards.
     *
     * @param apiHost where every {@code qyapi.weixin.qq.com} call goes (the fake: {@code
     *     http://localhost:8089/wecom})
     * @param corpId the enterprise's CorpID (管理后台 → 我的企业 → 企业ID)
     * @param corpSecret the application's Secret; never logged
     * @param agentId the application's AgentId
     * @param toUser the recipients' user ids, {@code |}-separated, or {@code @all}
     * @param toParty department ids, {@code |}-separated
     * @param toTag tag ids, {@code |}-separated
     * @param buttonText the card's button text, at most 4 characters
     * @param duplicateCheckInterval the window in which WeCom drops a repeated identical message
     *     (at most 4 h)
     * @param tokenRefreshMargin how long before its expiry an access token is replaced
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long WeCom may take to answer
     */
    public record WeCom(
            @DefaultValue("https://qyapi.weixin.qq.com") URI apiHost,
            @DefaultValue("ww-fake-corp") String corpId,
            @DefaultValue("fake-corp-secret") String corpSecret,
            @DefaultValue("1000002") int agentId,
            @DefaultValue("@all") String toUser,
            @Nullable String toParty,
            @Nullable String toTag,
            @DefaultValue("详情") String buttonText,
            @DefaultValue("4h") Duration duplicateCheckInterval,
            @DefaultValue("300s") Duration tokenRefreshMargin,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {

        @Override
        public String toString() {
            return "WeCom[apiHost=%s, corpId=%s, agentId=%d, corpSecret=…]"
                    .formatted(apiHost, corpId, agentId);
        }
    }
}
