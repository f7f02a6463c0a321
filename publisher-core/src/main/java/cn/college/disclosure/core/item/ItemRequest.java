package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fields a liaison sends to create or edit an item. The department is never among them: it is
 * the liaison's own. The body's size (at most 200 KB) is checked by the service, which answers 413.
 * These constraints are the one validation of an item's fields: the console's form checks the
 * request it would send by them too ({@code ItemForm}), so that it never stores what the API
 * refuses. Text fields refuse control characters and lone surrogates, dates outside 1970 to 9999;
 * the JSON mapper refuses a number for a string and a string or a fraction for a number.
 *
 * @param channels the channels to publish to; all of them when absent
 * @param ledGroups the LED screen groups to show the item on; every group when absent or empty
 * @param ledPriority the LED message's priority; NORMAL when absent
 * @param ledStartAt when the screens start showing the item; the approval time when absent
 * @param ledExpireAt when the screens stop; the group's lifetime after the start when absent, and
 *     after {@code ledStartAt} when both are given
 * @param attachments the files listed under the body, in this order (media uploaded with {@code
 *     POST /api/media}); none when absent
 * @param coverImage the media id of the image WeChat shows as the cover; the account's default when
 *     absent
 * @param wechatTitle the WeChat article's title when the title does not fit (32 characters)
 * @param wechatDigest the WeChat article's digest when the summary does not fit (128 characters)
 * @param wechatAuthor the WeChat article's author (作者)
 * @param publishAt when the channels receive the approved version (定时发布); at approval when absent.
 *     In the future
 * @param withdrawAt when the item is retracted from every channel by itself (定时下线); never when
 *     absent. After {@code publishAt}, and in the future
 * @param withdrawReason the reason the automatic retraction gives; 公示期满 when absent
 */
public record ItemRequest(
        @NotBlank @VisibleText @PlainText @Size(max = 120) @Nullable String title,
        @PlainText @Size(max = 300) @Nullable String summary,
        @NotNull @PlainText(lineBreaks = true) @Nullable String body,
        @Min(1) @Max(50) @Nullable Integer catalogueItem,
        @Size(min = 1, message = "must name at least one channel when present")
                @Nullable Set<@NotNull Channel> channels,
        @PlainText @Size(max = 200) @Nullable String ledText,
        @PlausibleDate @Nullable LocalDate producedOn,
        @Size(max = 20)
                @Nullable
                        Set<
                                @NotNull
                                @Pattern(
                                        regexp = "[a-z0-9-]{1,40}",
                                        message =
                                                "must be group names of 1 to 40 characters a-z, 0-9 or -")
                                String>
                        ledGroups,
        @Nullable LedPriority ledPriority,
        @PlausibleDate @Nullable Instant ledStartAt,
        @PlausibleDate @Nullable Instant ledExpireAt,
        @Size(max = 20) @Nullable List<@NotNull @Valid AttachmentRequest> attachments,
        @Nullable UUID coverImage,
        @VisibleText @PlainText @Size(max = 32) @Nullable String wechatTitle,
        @PlainText @Size(max = 128) @Nullable String wechatDigest,
        @PlainText @Size(max = 16) @Nullable String wechatAuthor,
        @PlausibleDate @Nullable Instant publishAt,
        @PlausibleDate @Nullable Instant withdrawAt,
        @PlainText @Size(max = 200) @Nullable String withdrawReason) {

    /**
     * One attachment of the item.
     *
     * @param mediaId the file, uploaded with {@code POST /api/media}
     * @param title what to call it; the file's name when absent
     */
    public record AttachmentRequest(
            @NotNull @Nullable UUID mediaId, @PlainText @Size(max = 100) @Nullable String title) {}

    /** A request without files, WeChat variant or schedule. */
    public ItemRequest(
            @Nullable String title,
            @Nullable String summary,
            @Nullable String body,
            @Nullable Integer catalogueItem,
            @Nullable Set<Channel> channels,
            @Nullable String ledText,
            @Nullable LocalDate producedOn,
            @Nullable Set<String> ledGroups,
            @Nullable LedPriority ledPriority,
            @Nullable Instant ledStartAt,
            @Nullable Instant ledExpireAt) {
        this(
                title,
                summary,
                body,
                catalogueItem,
                channels,
                ledText,
                producedOn,
                ledGroups,
                ledPriority,
                ledStartAt,
                ledExpireAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A request that leaves the LED screens to their defaults. */
    public ItemRequest(
            @Nullable String title,
            @Nullable String summary,
            @Nullable String body,
            @Nullable Integer catalogueItem,
            @Nullable Set<Channel> channels,
            @Nullable String ledText,
            @Nullable LocalDate producedOn) {
        this(
                title,
                summary,
                body,
                catalogueItem,
                channels,
                ledText,
                producedOn,
                null,
                null,
                null,
                null);
    }
}
