package cn.college.disclosure.contract;

import java.util.List;

/**
 * The channels' hard limits, as data that publisher-core checks at approval and the channels honour
 * when they publish. Sources: {@code shared/reference/wechat-official-account.md} (article fields).
 *
 * <p>WeChat's title and summary limits apply to what the article uses: the item's WeChat title and
 * digest ({@link WeChatVariant}) when it has them, its title and summary otherwise.
 */
public final class ChannelLimits {

    /** Every limit, per channel and field. */
    public static final List<ChannelLimit> ALL =
            List.of(
                    new ChannelLimit(Channel.WECHAT, "title", 32, "title"),
                    new ChannelLimit(Channel.WECHAT, "summary", 128, "digest"),
                    new ChannelLimit(Channel.WECHAT, "wechatAuthor", 16, "author"),
                    new ChannelLimit(Channel.WECHAT, "body", 19_999, "content"));

    /** The limits that apply to an item targeted at the channel. */
    public static List<ChannelLimit> of(Channel channel) {
        return ALL.stream().filter(limit -> limit.channel() == channel).toList();
    }

    private ChannelLimits() {}
}
