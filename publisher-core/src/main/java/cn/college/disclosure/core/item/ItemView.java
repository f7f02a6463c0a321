package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item as the API shows it. {@code status} is the item's status ({@link ItemStatus}), {@code
 * version} its latest version (the one the editable fields belong to), {@code liveVersion} the
 * version the channels show (absent before the first approval and after retraction).
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
        List<DeliverySummary> deliveries) {

    public record RetractionView(
            int version, String reason, String retractedBy, Instant retractedAt) {}

    static ItemView of(Item item, List<DeliverySummary> deliveries) {
        ItemContent content = item.content();
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
                deliveries);
    }

    /** A page of items, newest change first. */
    public record Page(List<ItemView> content, int page, int size, long totalElements) {}
}
