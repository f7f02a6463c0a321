package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.core.media.MediaLibrary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item as the API shows it. {@code status} is the item's status ({@link ItemStatus}), {@code
 * version} its latest version (the one the editable fields belong to), {@code liveVersion} the
 * version the channels show (absent before the first approval and after retraction). {@code
 * attachments}, {@code coverImage}, the WeChat variant and the schedule ({@code publishAt}, {@code
 * withdrawAt}, {@code withdrawReason}) are the latest version's; a {@link ItemStatus#SCHEDULED}
 * item goes out at {@code publishAt}.
 */
public record ItemView(
        UUID id,
        String title,
        ItemStatus status,
        int version,
        @Nullable Integer liveVersion,
        String department,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String summary,
        String body,
        @Nullable Integer catalogueItem,
        Set<Channel> channels,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        Set<String> ledGroups,
        LedPriority ledPriority,
        @Nullable Instant ledStartAt,
        @Nullable Instant ledExpireAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable RetractionView retraction,
        List<DeliverySummary> deliveries,
        List<AttachmentView> attachments,
        @Nullable MediaView coverImage,
        @Nullable String wechatTitle,
        @Nullable String wechatDigest,
        @Nullable String wechatAuthor,
        @Nullable Instant publishAt,
        @Nullable Instant withdrawAt,
        @Nullable String withdrawReason) {

    /**
     * An attachment of the latest version and its file.
     *
     * @param title the liaison's title; absent when the file's name is used
     * @param url the file on this API, {@code /api/media/{mediaId}}
     */
    public record AttachmentView(
            UUID mediaId,
            @Nullable String title,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String url) {}

    /**
     * A media file the item refers to (the cover).
     *
     * @param url the file on this API, {@code /api/media/{mediaId}}
     */
    public record MediaView(
            UUID mediaId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String url) {}

    public record RetractionView(
            int version, String reason, String retractedBy, Instant retractedAt) {}

    static ItemView of(Item item, List<DeliverySummary> deliveries, MediaLibrary media) {
        ItemContent content = item.content();
        List<AttachmentView> attachments = new ArrayList<>();
        for (ItemContent.AttachmentRef attachment : content.attachments()) {
            media.find(attachment.mediaId())
                    .ifPresent(
                            file ->
                                    attachments.add(
                                            new AttachmentView(
                                                    file.id(),
                                                    attachment.title(),
                                                    file.fileName(),
                                                    file.contentType(),
                                                    file.size(),
                                                    file.sha256(),
                                                    url(file.id()))));
        }
        MediaView cover =
                content.coverImage() == null
                        ? null
                        : media.find(content.coverImage())
                                .map(
                                        file ->
                                                new MediaView(
                                                        file.id(),
                                                        file.fileName(),
                                                        file.contentType(),
                                                        file.size(),
                                                        file.sha256(),
                                                        url(file.id())))
                                .orElse(null);
        Item.Retraction retraction = item.retraction();
        return new ItemView(
                item.id().value(),
                content.title(),
                item.status(),
                item.version(),
                item.liveVersion(),
                item.department(),
                item.approvedBy(),
                item.approvedAt(),
                content.summary(),
                content.body(),
                content.catalogueItem(),
                new java.util.TreeSet<>(content.channels()),
                content.ledText(),
                content.producedOn(),
                content.led().groups(),
                content.led().priority(),
                content.led().startAt(),
                content.led().expireAt(),
                item.createdBy(),
                item.createdAt(),
                item.updatedAt(),
                retraction == null
                        ? null
                        : new RetractionView(
                                retraction.version(),
                                retraction.reason(),
                                retraction.by(),
                                retraction.at()),
                deliveries,
                List.copyOf(attachments),
                cover,
                content.wechat().title(),
                content.wechat().digest(),
                content.wechat().author(),
                content.schedule().publishAt(),
                content.schedule().withdrawAt(),
                content.schedule().withdrawReason());
    }

    private static String url(UUID mediaId) {
        return PublicationRequested.BODY_IMAGE_PATH.formatted(mediaId);
    }

    /** A page of items, newest change first. */
    public record Page(List<ItemView> content, int page, int size, long totalElements) {}
}
