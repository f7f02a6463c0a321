package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.core.item.ItemRequest;
import cn.college.disclosure.core.item.ItemView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The item editor's fields, as the form posts them (a bean, so that a rejected form is shown again
 * with what was typed). Its limits are the API's: {@link ItemFormRules} checks the {@code
 * ItemRequest} the form would send by that record's constraints; only what a form alone can get
 * wrong is checked here (a body left empty, no channel ticked, the typed list of groups). The body
 * is sanitised by the items module when it is stored.
 */
class ItemForm {

    /** The office reads and types times in China time, whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What a {@code datetime-local} input posts, e.g. {@code 2026-03-15T08:30}. */
    private static final String LOCAL_MINUTES = "yyyy-MM-dd'T'HH:mm";

    private static final String LOCAL_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

    /** Group names as typed: separated by commas (ASCII or full-width) and/or spaces. */
    private static final String GROUP_SEPARATORS = "[\\s,，]+";

    private static final String GROUP_LIST =
            "[\\s,，]*([a-z0-9-]{1,40}([\\s,，]+[a-z0-9-]{1,40})*)?[\\s,，]*";

    private @Nullable String title;
    private @Nullable String summary;
    private @Nullable String body;
    private @Nullable Integer catalogueItem;
    private Set<Channel> channels = EnumSet.allOf(Channel.class);
    private @Nullable String ledText;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate producedOn;

    private @Nullable String ledGroups;
    private LedPriority ledPriority = LedPriority.NORMAL;

    @DateTimeFormat(pattern = LOCAL_MINUTES, fallbackPatterns = LOCAL_SECONDS)
    private @Nullable LocalDateTime ledStartAt;

    @DateTimeFormat(pattern = LOCAL_MINUTES, fallbackPatterns = LOCAL_SECONDS)
    private @Nullable LocalDateTime ledExpireAt;

    private List<AttachmentField> attachments = new ArrayList<>();
    private @Nullable UUID coverImage;
    private @Nullable String wechatTitle;
    private @Nullable String wechatDigest;
    private @Nullable String wechatAuthor;

    @DateTimeFormat(pattern = LOCAL_MINUTES, fallbackPatterns = LOCAL_SECONDS)
    private @Nullable LocalDateTime publishAt;

    @DateTimeFormat(pattern = LOCAL_MINUTES, fallbackPatterns = LOCAL_SECONDS)
    private @Nullable LocalDateTime withdrawAt;

    private @Nullable String withdrawReason;

    /**
     * One attachment row of the editor, as hidden fields {@code attachments[i].mediaId} and so on.
     * Only {@code mediaId} and {@code title} are sent to the items; the file's name, type and size
     * are carried so that a form shown again lists the files without asking the media store.
     */
    public static class AttachmentField {

        private @Nullable UUID mediaId;
        private @Nullable String title;
        private @Nullable String fileName;
        private @Nullable String contentType;
        private @Nullable Long size;

        public AttachmentField() {}

        AttachmentField(
                @Nullable UUID mediaId,
                @Nullable String title,
                @Nullable String fileName,
                @Nullable String contentType,
                @Nullable Long size) {
            this.mediaId = mediaId;
            this.title = title;
            this.fileName = fileName;
            this.contentType = contentType;
            this.size = size;
        }

        public @Nullable UUID getMediaId() {
            return mediaId;
        }

        public void setMediaId(@Nullable UUID mediaId) {
            this.mediaId = mediaId;
        }

        public @Nullable String getTitle() {
            return title;
        }

        public void setTitle(@Nullable String title) {
            this.title = title;
        }

        public @Nullable String getFileName() {
            return fileName;
        }

        public void setFileName(@Nullable String fileName) {
            this.fileName = fileName;
        }

        public @Nullable String getContentType() {
            return contentType;
        }

        public void setContentType(@Nullable String contentType) {
            this.contentType = contentType;
        }

        public @Nullable Long getSize() {
            return size;
        }

        public void setSize(@Nullable Long size) {
            this.size = size;
        }
    }

    /**
     * The item's latest version in the editor. A publishing time that has passed (the version went
     * out) is left empty: the items keep the schedule unless it is changed.
     */
    static ItemForm of(ItemView item, Instant now) {
        ItemForm form = new ItemForm();
        form.title = item.title();
        form.summary = item.summary();
        form.body = item.body();
        form.catalogueItem = item.catalogueItem();
        form.channels = new LinkedHashSet<>(item.channels());
        form.ledText = item.ledText();
        form.producedOn = item.producedOn();
        form.ledGroups = item.ledGroups().isEmpty() ? null : String.join(", ", item.ledGroups());
        form.ledPriority = item.ledPriority();
        form.ledStartAt = local(item.ledStartAt());
        form.ledExpireAt = local(item.ledExpireAt());
        for (ItemView.AttachmentView attachment : item.attachments()) {
            form.attachments.add(
                    new AttachmentField(
                            attachment.mediaId(),
                            attachment.title(),
                            attachment.fileName(),
                            attachment.contentType(),
                            attachment.size()));
        }
        form.coverImage = item.coverImage() == null ? null : item.coverImage().mediaId();
        form.wechatTitle = item.wechatTitle();
        form.wechatDigest = item.wechatDigest();
        form.wechatAuthor = item.wechatAuthor();
        Instant publishAt = item.publishAt();
        form.publishAt = publishAt != null && publishAt.isAfter(now) ? local(publishAt) : null;
        Instant withdrawAt = item.withdrawAt();
        form.withdrawAt = withdrawAt != null && withdrawAt.isAfter(now) ? local(withdrawAt) : null;
        form.withdrawReason = item.withdrawReason();
        return form;
    }

    ItemRequest request() {
        return new ItemRequest(
                title,
                summary,
                body,
                catalogueItem,
                channels.isEmpty() ? null : EnumSet.copyOf(channels),
                ledText,
                producedOn,
                groups(),
                ledPriority,
                instant(ledStartAt),
                instant(ledExpireAt),
                attachments.isEmpty()
                        ? null
                        : attachments.stream()
                                .map(
                                        row ->
                                                new ItemRequest.AttachmentRequest(
                                                        row.mediaId, blankToNull(row.title)))
                                .toList(),
                coverImage,
                blankToNull(wechatTitle),
                blankToNull(wechatDigest),
                blankToNull(wechatAuthor),
                instant(publishAt),
                instant(withdrawAt),
                blankToNull(withdrawReason));
    }

    /** The WeChat article's title: the WeChat title when given, else the title. */
    @Nullable String wechatTitleUsed() {
        return wechatTitle != null && !wechatTitle.isBlank() ? wechatTitle : title;
    }

    /** Whether the WeChat article's title is the WeChat title (not the item's title). */
    boolean ownWechatTitle() {
        return wechatTitle != null && !wechatTitle.isBlank();
    }

    /** Whether the WeChat article's digest is the WeChat digest (not the summary). */
    boolean ownWechatDigest() {
        return wechatDigest != null && !wechatDigest.isBlank();
    }

    /** The WeChat article's digest: the WeChat digest when given, else the summary. */
    @Nullable String wechatDigestUsed() {
        return ownWechatDigest() ? wechatDigest : summary;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The typed group names, in the order typed, without repeats. */
    Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        if (ledGroups != null) {
            for (String name : ledGroups.strip().split(GROUP_SEPARATORS)) {
                if (!name.isEmpty()) {
                    groups.add(name);
                }
            }
        }
        return groups;
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime chinaTime) {
        return chinaTime == null ? null : chinaTime.atZone(CHINA).toInstant();
    }

    private static @Nullable LocalDateTime local(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, CHINA);
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    @NotBlank
    public @Nullable String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body;
    }

    public @Nullable Integer getCatalogueItem() {
        return catalogueItem;
    }

    public void setCatalogueItem(@Nullable Integer catalogueItem) {
        this.catalogueItem = catalogueItem;
    }

    @NotEmpty
    public Set<Channel> getChannels() {
        return channels;
    }

    public void setChannels(@Nullable Set<Channel> channels) {
        this.channels = channels == null ? EnumSet.noneOf(Channel.class) : channels;
    }

    public @Nullable String getLedText() {
        return ledText;
    }

    public void setLedText(@Nullable String ledText) {
        this.ledText = ledText;
    }

    @Pattern(regexp = GROUP_LIST)
    public @Nullable String getLedGroups() {
        return ledGroups;
    }

    public void setLedGroups(@Nullable String ledGroups) {
        this.ledGroups = ledGroups;
    }

    public LedPriority getLedPriority() {
        return ledPriority;
    }

    public void setLedPriority(@Nullable LedPriority ledPriority) {
        this.ledPriority = ledPriority == null ? LedPriority.NORMAL : ledPriority;
    }

    public @Nullable LocalDateTime getLedStartAt() {
        return ledStartAt;
    }

    public void setLedStartAt(@Nullable LocalDateTime ledStartAt) {
        this.ledStartAt = ledStartAt;
    }

    public @Nullable LocalDateTime getLedExpireAt() {
        return ledExpireAt;
    }

    public void setLedExpireAt(@Nullable LocalDateTime ledExpireAt) {
        this.ledExpireAt = ledExpireAt;
    }

    public List<AttachmentField> getAttachments() {
        return attachments;
    }

    public void setAttachments(@Nullable List<AttachmentField> attachments) {
        this.attachments = attachments == null ? new ArrayList<>() : attachments;
    }

    public @Nullable UUID getCoverImage() {
        return coverImage;
    }

    public void setCoverImage(@Nullable UUID coverImage) {
        this.coverImage = coverImage;
    }

    public @Nullable String getWechatTitle() {
        return wechatTitle;
    }

    public void setWechatTitle(@Nullable String wechatTitle) {
        this.wechatTitle = wechatTitle;
    }

    public @Nullable String getWechatDigest() {
        return wechatDigest;
    }

    public void setWechatDigest(@Nullable String wechatDigest) {
        this.wechatDigest = wechatDigest;
    }

    public @Nullable String getWechatAuthor() {
        return wechatAuthor;
    }

    public void setWechatAuthor(@Nullable String wechatAuthor) {
        this.wechatAuthor = wechatAuthor;
    }

    public @Nullable LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(@Nullable LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }

    public @Nullable LocalDateTime getWithdrawAt() {
        return withdrawAt;
    }

    public void setWithdrawAt(@Nullable LocalDateTime withdrawAt) {
        this.withdrawAt = withdrawAt;
    }

    public @Nullable String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(@Nullable String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }

    public @Nullable LocalDate getProducedOn() {
        return producedOn;
    }

    public void setProducedOn(@Nullable LocalDate producedOn) {
        this.producedOn = producedOn;
    }
}
