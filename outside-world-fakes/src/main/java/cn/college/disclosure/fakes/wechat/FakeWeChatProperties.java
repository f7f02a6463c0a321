package cn.college.disclosure.fakes.wechat;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fake account.
 *
 * @param appId the only AppID the fake accepts
 * @param secret its AppSecret
 * @param callbackUrl where {@code PUBLISHJOBFINISH} events are pushed (the channel's callback
 *     endpoint); none if unset
 * @param callbackToken the token configured for the callback URL, used to sign the pushes
 * @param publishDelay how long a publish job takes before it finishes
 * @param tokenLifetime how long an access token is valid
 * @param dailyQuota API calls per day before errcode 45009
 * @param articleBaseUrl article URLs are this plus the article id
 */
@ConfigurationProperties("fakes.wechat")
record FakeWeChatProperties(
        @DefaultValue("wx-fake-appid") String appId,
        @DefaultValue("fake-secret") String secret,
        @Nullable URI callbackUrl,
        @DefaultValue("fake-callback-token") String callbackToken,
        @DefaultValue("300ms") Duration publishDelay,
        @DefaultValue("7200s") Duration tokenLifetime,
        @DefaultValue("10000") int dailyQuota,
        @DefaultValue("https://mp.weixin.qq.com/s/") String articleBaseUrl) {}
