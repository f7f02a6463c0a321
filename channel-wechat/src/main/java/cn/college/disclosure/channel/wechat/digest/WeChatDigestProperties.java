package cn.college.disclosure.channel.wechat.digest;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily digest mass-sent to the account's followers.
 *
 * @param enabled whether approved items are also collected into a daily digest that is mass-sent
 *     (every item is published on its own either way)
 * @param sendAt the local time of day, in {@code zone}, at which the day's digest is sent
 * @param zone the time zone of {@code sendAt} and of the digest's day
 * @param maxArticles how many items one digest takes (WeChat allows 1 to 8); the rest roll to the
 *     next digest
 * @param checkInterval how often the service looks for a digest that is due (a digest that met a
 *     transient failure or a lost answer is tried again at the next look)
 */
@ConfigurationProperties("channel.wechat.digest")
record WeChatDigestProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("20:00") LocalTime sendAt,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("8") int maxArticles,
        @DefaultValue("30s") Duration checkInterval) {

    WeChatDigestProperties {
        if (maxArticles < 1 || maxArticles > DigestSelection.WECHAT_MAX_ARTICLES) {
            throw new IllegalArgumentException(
                    "channel.wechat.digest.max-articles is %d; WeChat takes 1 to %d articles"
                            .formatted(maxArticles, DigestSelection.WECHAT_MAX_ARTICLES));
        }
    }
}
