package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of an item was approved and is now the live one. Published inside the approving
 * transaction, so listeners that write to the database commit or roll back with the approval; for a
 * scheduled version, inside the transaction that releases it at its {@code publishAt}.
 *
 * @param approvedAt when the liaison approved it (before {@code scheduledFor} for a scheduled one)
 * @param attachments the files listed under the body, in order
 * @param coverImage the media id of the WeChat cover
 * @param bodyImages the media the body's images refer to, in order, each once
 * @param wechat the WeChat variant
 * @param scheduledFor the {@code publishAt} it was released at; absent for a direct approval
 */
public record ItemApproved(
        ItemId itemId,
        int version,
        String title,
        @Nullable String summary,
        String bodyHtml,
        Set<Channel> channels,
        @Nullable Integer catalogueItem,
        String department,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        String approvedBy,
        Instant approvedAt,
        LedDisplay led,
        List<Attachment> attachments,
        @Nullable UUID coverImage,
        List<UUID> bodyImages,
        WeChat wechat,
        @Nullable Instant scheduledFor) {

    /** An attachment: the media id and the liaison's title, if any. */
    public record Attachment(UUID mediaId, @Nullable String title) {}

    /** The WeChat variant; every component absent when the item has none. */
    public record WeChat(@Nullable String title, @Nullable String digest, @Nullable String author) {

        public boolean isEmpty() {
            return title == null && digest == null && author == null;
        }
    }
}
