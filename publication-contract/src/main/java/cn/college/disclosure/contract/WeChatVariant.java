package cn.college.disclosure.contract;

import org.jspecify.annotations.Nullable;

/**
 * The item's own words for the WeChat article, where the title or summary cannot be used as they
 * are (WeChat takes 32 characters of title and 128 of digest). Each component is optional; the
 * WeChat channel uses the item's title and summary for what is absent, and the WeChat limits of
 * {@link ChannelLimits} apply to what it uses.
 *
 * @param title the article's title, at most 32 characters
 * @param digest the article's digest, at most 128 characters
 * @param author the article's author (作者), at most 16 characters
 */
public record WeChatVariant(
        @Nullable String title, @Nullable String digest, @Nullable String author) {}
