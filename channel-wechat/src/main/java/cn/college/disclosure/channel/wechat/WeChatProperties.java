package cn.college.disclosure.channel.wechat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Official Account and how the channel talks to it.
 *
 * @param appId the account's AppID (MP admin console, 设置与开发 → 基本配置)
 * @param secret the account's AppSecret
 * @param apiHost where every {@code api.weixin.qq.com} call goes; the fake WeChat in tests and the
 *     local stack
 * @param callbackToken the Token configured with the callback URL; WeChat signs every push with it
 * @param defaultCover the cover of every article (items carry none), uploaded once as permanent
 *     material
 * @param author the article's author (at most 16 characters); the item's department when unset
 * @param tokenRefreshMargin how long before its expiry an access token is replaced
 * @param forceRefreshMinInterval the least time between two {@code force_refresh} fetches (WeChat
 *     allows 20 a day, 30 s apart)
 * @param maxPolls how many times one publish job is polled with {@code freepublish/get} before the
 *     delivery is left UNCONFIRMED (a subscription account hit 45009 after about 100 a day); the
 *     spacing is {@code channel.runtime.reconciler.interval}
 * @param quotaZone the time zone whose midnight resets WeChat's daily quotas
 * @param imageFetchTimeout how long fetching one body image for {@code uploadimg} may take
 */
@ConfigurationProperties("channel.wechat")
public record WeChatProperties(
        @DefaultValue("wx-fake-appid") String appId,
        @DefaultValue("fake-secret") String secret,
        @DefaultValue("https://api.weixin.qq.com") URI apiHost,
        @DefaultValue("fake-callback-token") String callbackToken,
        @DefaultValue("classpath:wechat/default-cover.png") String defaultCover,
        @Nullable String author,
        @DefaultValue("200s") Duration tokenRefreshMargin,
        @DefaultValue("30s") Duration forceRefreshMinInterval,
        @DefaultValue("30") int maxPolls,
        @DefaultValue("Asia/Shanghai") ZoneId quotaZone,
        @DefaultValue("5s") Duration imageFetchTimeout) {}
