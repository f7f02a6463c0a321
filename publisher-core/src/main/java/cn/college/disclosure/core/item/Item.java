package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.ChannelLimit;
import cn.college.disclosure.contract.ChannelLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A department's publication: a sequence of versions of which the latest is the one being edited
 * and at most one is live. Transitions check their preconditions and register the events that the
 * service publishes inside the same transaction.
 *
 * <p>Lifecycle: a new item is version 1, a DRAFT. Approving the draft makes it the live version.
 * Revising an approved item starts the next version as a DRAFT while the approved one stays live;
 * approving that draft replaces the live version. Retracting withdraws the live version; it is
 * final.
 *
 * <p>Schedules: approving a draft whose {@code publishAt} is in the future records the approval and
 * makes the item {@link ItemStatus#SCHEDULED}; an earlier live version stays live until {@link
 * #release} makes the scheduled version live at that time. A scheduled item can be revised (the
 * next version starts as a draft) or retracted (the scheduled version never goes out). The live
 * version's {@code withdrawAt} is kept on the item; {@link #withdraw} retracts it then.
 */
class Item {

    private final ItemId id;
    private final String department;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private int version;
    private ItemContent content;
    private ItemStatus status;
    private @Nullable Integer liveVersion;
    private @Nullable String approvedBy;
    private @Nullable Instant approvedAt;
    private @Nullable Retraction retraction;
    private @Nullable Instant releaseAt;
    private @Nullable Instant withdrawAt;
    private @Nullable String withdrawReason;
    private final List<Object> events = new ArrayList<>();

    /** Who retracted the item, when and why, and which version was live. */
    record Retraction(int version, String reason, String by, Instant at) {}

    Item(
            ItemId id,
            String department,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            int version,
            ItemContent content,
            ItemStatus status,
            @Nullable Integer liveVersion,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt,
            @Nullable Retraction retraction,
            @Nullable Instant releaseAt,
            @Nullable Instant withdrawAt,
            @Nullable String withdrawReason) {
        this.id = id;
        this.department = department;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.content = content;
        this.status = status;
        this.liveVersion = liveVersion;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.retraction = retraction;
        this.releaseAt = releaseAt;
        this.withdrawAt = withdrawAt;
        this.withdrawReason = withdrawReason;
    }

    /** A new item: version 1, a draft of the liaison's department. */
    static Item draft(ItemContent content, String department, String by, Clock clock) {
        Instant now = clock.instant();
        return new Item(
                ItemId.random(),
                department,
                by,
                now,
                now,
                1,
                content,
                ItemStatus.DRAFT,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * Replaces the draft's content, or, when the latest version is approved or scheduled, starts
     * the next version as a draft with the content while the approved version stays live (a
     * scheduled version is dropped: it never goes out).
     */
    void revise(ItemContent newContent, Clock clock) {
        if (status == ItemStatus.RETRACTED) {
            throw new ItemAlreadyRetracted(id);
        }
        if (status == ItemStatus.SCHEDULED) {
            // the scheduled version never goes out; the service keeps its schedule in newContent
            version++;
            status = ItemStatus.DRAFT;
            releaseAt = null;
        }
        if (status == ItemStatus.APPROVED) {
            version++;
            status = ItemStatus.DRAFT;
        }
        content = newContent;
        updatedAt = clock.instant();
    }

    /**
     * Approves the draft: it becomes the live version and every targeted channel is asked to
     * publish it.
     *
     * @throws ItemNotInDraft unless the latest version is a draft
     * @throws ChannelLimitExceeded if a targeted channel's provider would refuse a field
     */
    void approve(String by, Clock clock) {
        if (status == ItemStatus.RETRACTED) {
            throw new ItemAlreadyRetracted(id);
        }
        if (status != ItemStatus.DRAFT) {
            throw new ItemNotInDraft(id, status, version);
        }
        for (var channel : content.channels().stream().sorted().toList()) {
            for (ChannelLimit configured : ChannelLimits.of(channel)) {
                ChannelLimit limit = applying(configured);
                String value = content.field(limit.field());
                if (value != null && !limit.admits(value)) {
                    throw new ChannelLimitExceeded(limit, value.codePointCount(0, value.length()));
                }
            }
        }
        Instant now = clock.instant();
        approvedBy = by;
        approvedAt = now;
        updatedAt = now;
        Instant publishAt = content.schedule().publishAt();
        if (publishAt != null && publishAt.isAfter(now)) {
            status = ItemStatus.SCHEDULED;
            releaseAt = publishAt;
            events.add(new ItemScheduled(id, version, by, now, publishAt));
            return;
        }
        goLive(null);
    }

    /**
     * Makes the scheduled version live: the channels are asked to publish it now, as if it had been
     * approved now, by the liaison who approved it.
     *
     * @return whether it was released; false unless the item is scheduled and its time has come (an
     *     instance that released it first, a retraction or a revision leaves nothing to do)
     */
    boolean release(Clock clock) {
        Instant now = clock.instant();
        if (status != ItemStatus.SCHEDULED || releaseAt == null || releaseAt.isAfter(now)) {
            return false;
        }
        Instant scheduledFor = releaseAt;
        updatedAt = now;
        goLive(scheduledFor);
        return true;
    }

    private void goLive(@Nullable Instant scheduledFor) {
        status = ItemStatus.APPROVED;
        liveVersion = version;
        releaseAt = null;
        withdrawAt = content.schedule().withdrawAt();
        withdrawReason = content.schedule().withdrawReason();
        events.add(
                new ItemApproved(
                        id,
                        version,
                        content.title(),
                        content.summary(),
                        content.body(),
                        content.channels(),
                        content.catalogueItem(),
                        department,
                        content.ledText(),
                        content.producedOn(),
                        java.util.Objects.requireNonNull(approvedBy),
                        java.util.Objects.requireNonNull(approvedAt),
                        content.led(),
                        content.attachments().stream()
                                .map(
                                        attachment ->
                                                new ItemApproved.Attachment(
                                                        attachment.mediaId(), attachment.title()))
                                .toList(),
                        content.coverImage(),
                        content.bodyImages(),
                        new ItemApproved.WeChat(
                                content.wechat().title(),
                                content.wechat().digest(),
                                content.wechat().author()),
                        scheduledFor));
    }

    /**
     * Retracts the live version by itself once its {@code withdrawAt} has come (定时下线).
     *
     * @param defaultReason the reason when the version gives none
     * @return whether it was withdrawn; false unless a live version's time has come
     */
    boolean withdraw(String by, String defaultReason, Clock clock) {
        Instant now = clock.instant();
        if (status == ItemStatus.RETRACTED
                || liveVersion == null
                || withdrawAt == null
                || withdrawAt.isAfter(now)) {
            return false;
        }
        retract(withdrawReason == null ? defaultReason : withdrawReason, by, clock);
        return true;
    }

    /**
     * Withdraws the live version from every channel. Final.
     *
     * @throws ItemAlreadyRetracted if it was retracted before
     * @throws ItemNotPublished if no version was ever approved
     */
    void retract(String reason, String by, Clock clock) {
        if (status == ItemStatus.RETRACTED) {
            throw new ItemAlreadyRetracted(id);
        }
        Instant now = clock.instant();
        if (liveVersion == null) {
            if (status != ItemStatus.SCHEDULED) {
                throw new ItemNotPublished(id, status);
            }
            // nothing was ever sent: the scheduled version is cancelled, no channel hears of it
            retraction = new Retraction(version, reason, by, now);
            status = ItemStatus.RETRACTED;
            releaseAt = null;
            updatedAt = now;
            events.add(new ItemRetracted(id, version, reason, by, now, false));
            return;
        }
        retraction = new Retraction(liveVersion, reason, by, now);
        status = ItemStatus.RETRACTED;
        releaseAt = null;
        withdrawAt = null;
        updatedAt = now;
        events.add(new ItemRetracted(id, liveVersion, reason, by, now));
        liveVersion = null;
    }

    /**
     * The limit as it applies to this item: WeChat's title and summary limits apply to the WeChat
     * title and digest when the item has them.
     */
    private ChannelLimit applying(ChannelLimit limit) {
        if (limit.channel() != cn.college.disclosure.contract.Channel.WECHAT) {
            return limit;
        }
        String variant =
                switch (limit.field()) {
                    case "title" -> content.wechat().title() == null ? null : "wechatTitle";
                    case "summary" -> content.wechat().digest() == null ? null : "wechatDigest";
                    default -> null;
                };
        return variant == null
                ? limit
                : new ChannelLimit(
                        limit.channel(), variant, limit.maxCharacters(), limit.providerField());
    }

    boolean belongsTo(String candidateDepartment) {
        return department.equals(candidateDepartment);
    }

    /** The events registered since the item was loaded, cleared by the call. */
    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    ItemId id() {
        return id;
    }

    String department() {
        return department;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int version() {
        return version;
    }

    ItemContent content() {
        return content;
    }

    ItemStatus status() {
        return status;
    }

    /** The status of the latest version: a retracted item's draft stays a draft. */
    ItemStatus versionStatus() {
        return status == ItemStatus.SCHEDULED
                ? ItemStatus.SCHEDULED
                : liveVersion != null && liveVersion == version
                        ? ItemStatus.APPROVED
                        : retraction != null && retraction.version() == version
                                ? ItemStatus.RETRACTED
                                : ItemStatus.DRAFT;
    }

    @Nullable Integer liveVersion() {
        return liveVersion;
    }

    @Nullable String approvedBy() {
        return approvedBy;
    }

    @Nullable Instant approvedAt() {
        return approvedAt;
    }

    @Nullable Retraction retraction() {
        return retraction;
    }

    /** When the scheduled version goes out; absent unless {@link ItemStatus#SCHEDULED}. */
    @Nullable Instant releaseAt() {
        return releaseAt;
    }

    /** When the live version is withdrawn by itself; absent when never. */
    @Nullable Instant withdrawAt() {
        return withdrawAt;
    }

    /** The reason of that withdrawal; absent for the default. */
    @Nullable String withdrawReason() {
        return withdrawReason;
    }
}
