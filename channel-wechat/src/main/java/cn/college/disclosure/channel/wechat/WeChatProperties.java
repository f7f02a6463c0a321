package cn.college.disclosure.channel.wechat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
 * @param defaultCover the cover of an article whose item has none (or whose cover cannot be made a
 *     thumb), uploaded once as permanent material
 * @param author the article's author (at most 16 characters) when the item names none; the item's
 *     department when unset
 * @param tokenRefreshMargin how long before its expiry an access token is replaced
 * @param forceRefreshMinInterval the least time between two {@code force_refresh} fetches (WeChat
 *     allows 20 a day, 30 s apart)
 * @param maxPolls how many times one publish job is polled with {@code freepublish/get} before the
 *     delivery is left UNCONFIRMED (a subscription account hit 45009 after about 100 a day); the
 *     spacing is {@code channel.runtime.reconciler.interval}
 * @param quotaZone the time zone whose midnight resets WeChat's daily quotas
 * @param imageFetchTimeout how long fetching one body image for {@code uploadimg} may take
 * @param imageOrigins the only origins ({@code scheme://host[:port]}) body images are fetched from:
 *     the college's own, by default the website's public base URL and the core's media URL; an
 *     {@code <img src>} anywhere else is never requested and is left out with a warning
 * @param lostSubmitWait after a {@code freepublish/submit} whose answer was lost, how long the
 *     channel waits for a publish job that may be running (its draft still in the draft box, no
 *     article with its marker yet) before it concludes the submit never became a job and submits
 *     the same draft again
 * @param callbackMaxSkew how far a callback's {@code timestamp} may be from the channel's clock;
 *     older or newer pushes are refused, and each nonce is accepted once within this window
 * @param articleLanguage the language (BCP 47) of the words the channel adds to an article, e.g.
 *     the heading of its attachment list ({@code wechat/messages*.properties})
 * @param prepareTimeout how long an attempt may go without progress while it reads and uploads an
 *     article's cover and body images (before {@code draft/add}); until then a reconcile answers
 *     that the attempt is still preparing instead of finding nothing on WeChat
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
        @DefaultValue("5s") Duration imageFetchTimeout,
        @DefaultValue({"http://localhost:8081", "http://localhost:8080"}) List<URI> imageOrigins,
        @DefaultValue("10m") Duration lostSubmitWait,
        @DefaultValue("5m") Duration callbackMaxSkew,
        @DefaultValue("zh-CN") String articleLanguage,
        @DefaultValue("5m") Duration prepareTimeout) {}
