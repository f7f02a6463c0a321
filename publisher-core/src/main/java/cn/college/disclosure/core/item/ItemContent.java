package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a liaison edits in one version of an item.
 *
 * @param body HTML, already sanitised
 * @param channels the targeted channels, never empty
 * @param led how the LED screens show it (kept when LED_SCREEN is not targeted, so that ticking it
 *     again brings the choice back)
 * @param attachments the files listed under the body, in order, each media id once
 * @param coverImage the media id of the WeChat cover (an image)
 * @param bodyImages the media the body's {@code <img src="/api/media/{id}">} refer to, in order of
 *     appearance, each once (derived from the body)
 * @param wechat the WeChat variant: its own title, digest and author, each optional
 * @param schedule when the version goes out and when it comes down by itself
 */
record ItemContent(
        String title,
        @Nullable String summary,
        String body,
        @Nullable Integer catalogueItem,
        Set<Channel> channels,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        LedDisplay led,
        List<AttachmentRef> attachments,
        @Nullable UUID coverImage,
        List<UUID> bodyImages,
        WeChatFields wechat,
        Schedule schedule) {

    /** One attachment: the media id and the liaison's title for it, if any. */
    record AttachmentRef(UUID mediaId, @Nullable String title) {}

    /** The WeChat article's own title, digest and author; each absent when not given. */
    record WeChatFields(@Nullable String title, @Nullable String digest, @Nullable String author) {

        static final WeChatFields NONE = new WeChatFields(null, null, null);

        boolean isEmpty() {
            return title == null && digest == null && author == null;
        }
    }

    /**
     * The version's schedule.
     *
     * @param publishAt when the channels receive it once approved; at approval when absent
     * @param withdrawAt when it is retracted by itself; never when absent
     * @param withdrawReason the reason of that retraction; the default text when absent
     */
    record Schedule(
            @Nullable Instant publishAt,
            @Nullable Instant withdrawAt,
            @Nullable String withdrawReason) {

        static final Schedule NONE = new Schedule(null, null, null);
    }

    ItemContent {
        channels = Set.copyOf(channels);
        attachments = List.copyOf(attachments);
        bodyImages = List.copyOf(bodyImages);
    }

    /** Content without files, WeChat variant or schedule. */
    ItemContent(
            String title,
            @Nullable String summary,
            String body,
            @Nullable Integer catalogueItem,
            Set<Channel> channels,
            @Nullable String ledText,
            @Nullable LocalDate producedOn,
            LedDisplay led) {
        this(
                title,
                summary,
                body,
                catalogueItem,
                channels,
                ledText,
                producedOn,
                led,
                List.of(),
                null,
                List.of(),
                WeChatFields.NONE,
                Schedule.NONE);
    }

    /** The same content with another schedule. */
    ItemContent withSchedule(Schedule newSchedule) {
        return new ItemContent(
                title,
                summary,
                body,
                catalogueItem,
                channels,
                ledText,
                producedOn,
                led,
                attachments,
                coverImage,
                bodyImages,
                wechat,
                newSchedule);
    }

    /** The value of a field as named by {@link cn.college.disclosure.contract.ChannelLimit}. */
    @Nullable String field(String name) {
        return switch (name) {
            case "title" -> title;
            case "summary" -> summary;
            case "body" -> body;
            case "ledText" -> ledText;
            case "wechatTitle" -> wechat.title();
            case "wechatDigest" -> wechat.digest();
            case "wechatAuthor" -> wechat.author();
            default -> throw new IllegalArgumentException("No item field " + name);
        };
    }
}
