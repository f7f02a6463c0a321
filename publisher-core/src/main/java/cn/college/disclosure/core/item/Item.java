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
            @Nullable Retraction retraction) {
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
                null);
    }

    /**
     * Replaces the draft's content, or, when the latest version is approved, starts the next
     * version as a draft with the content while the approved version stays live.
     */
    void revise(ItemContent newContent, Clock clock) {
        if (status == ItemStatus.RETRACTED) {
            throw new ItemAlreadyRetracted(id);
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
            for (ChannelLimit limit : ChannelLimits.of(channel)) {
                String value = content.field(limit.field());
                if (value != null && !limit.admits(value)) {
                    throw new ChannelLimitExceeded(limit, value.codePointCount(0, value.length()));
                }
            }
        }
        Instant now = clock.instant();
        status = ItemStatus.APPROVED;
        liveVersion = version;
        approvedBy = by;
        approvedAt = now;
        updatedAt = now;
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
                        by,
                        now,
                        content.led()));
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
        if (liveVersion == null) {
            throw new ItemNotPublished(id, status);
        }
        Instant now = clock.instant();
        retraction = new Retraction(liveVersion, reason, by, now);
        status = ItemStatus.RETRACTED;
        updatedAt = now;
        events.add(new ItemRetracted(id, liveVersion, reason, by, now));
        liveVersion = null;
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
        return liveVersion != null && liveVersion == version
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
}
