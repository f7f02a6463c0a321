package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.core.account.Account;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.catalogue.Catalogue;
import cn.college.disclosure.core.media.MediaFile;
import cn.college.disclosure.core.media.MediaLibrary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items' use cases. Each command loads the item locked, applies one transition, saves it and
 * publishes its events in the same transaction, so the outbox row and the delivery rows the events
 * cause commit together with the state change or not at all.
 */
@Service
public class ItemService {

    /** Who retracts an item when its {@code withdrawAt} has come. */
    public static final String SYSTEM = "system";

    private static final String DEFAULT_WITHDRAW_REASON = "公示期满";

    private final Items items;
    private final Catalogue catalogue;
    private final HtmlSanitizer sanitizer;
    private final DeliveryLookup deliveries;
    private final ApplicationEventPublisher events;
    private final ItemsProperties properties;
    private final ImageOrigins imageOrigins;
    private final MediaLibrary media;
    private final MessageSource messages;
    private final Clock clock;

    ItemService(
            Items items,
            Catalogue catalogue,
            HtmlSanitizer sanitizer,
            DeliveryLookup deliveries,
            ApplicationEventPublisher events,
            ItemsProperties properties,
            ImageOrigins imageOrigins,
            MediaLibrary media,
            MessageSource messages,
            Clock clock) {
        this.items = items;
        this.catalogue = catalogue;
        this.sanitizer = sanitizer;
        this.deliveries = deliveries;
        this.events = events;
        this.properties = properties;
        this.imageOrigins = imageOrigins;
        this.media = media;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public ItemView create(ItemRequest request, Account liaison) {
        String department = liaison.department();
        if (department == null) {
            throw new IllegalStateException("Liaison " + liaison.username() + " has no department");
        }
        Item item =
                Item.draft(
                        content(request, department, ItemContent.Schedule.NONE),
                        department,
                        liaison.username(),
                        clock);
        items.save(item);
        return ItemView.of(item, List.of(), media);
    }

    @Transactional
    public ItemView revise(ItemId id, ItemRequest request, Account liaison) {
        Item item = lockedOwnItem(id, liaison);
        ItemContent.Schedule kept =
                item.status() == ItemStatus.SCHEDULED
                        ? item.content().schedule()
                        : ItemContent.Schedule.NONE;
        item.revise(content(request, item.department(), kept), clock);
        return saved(item);
    }

    @Transactional
    public ItemView approve(ItemId id, Account liaison) {
        Item item = lockedOwnItem(id, liaison);
        imageOrigins.check(item.content().body());
        item.approve(liaison.username(), clock);
        return saved(item);
    }

    @Transactional
    public ItemView retract(ItemId id, String reason, Account user) {
        Item item =
                user.hasRole(Role.ADMIN)
                        ? items.findForUpdate(id).orElseThrow(() -> new ItemNotFound(id))
                        : lockedOwnItem(id, user);
        item.retract(reason, user.username(), clock);
        return saved(item);
    }

    /**
     * Releases the item's scheduled version if its time has come, and withdraws its live version if
     * that one's time has come, by the user {@link #SYSTEM}. The item is locked and its status
     * checked again, so that two instances (or two runs) never release or withdraw it twice.
     *
     * @return whether anything happened
     */
    @Transactional
    public boolean fireSchedule(ItemId id) {
        Item item = items.findForUpdate(id).orElseThrow(() -> new ItemNotFound(id));
        boolean released = item.release(clock);
        boolean withdrawn =
                item.withdraw(
                        SYSTEM,
                        messages.getMessage(
                                "item.withdraw.defaultReason",
                                null,
                                DEFAULT_WITHDRAW_REASON,
                                Locale.SIMPLIFIED_CHINESE),
                        clock);
        if (released || withdrawn) {
            saved(item);
        }
        return released || withdrawn;
    }

    /** The items whose schedule is due now, oldest first. */
    @Transactional(readOnly = true)
    List<ItemId> dueSchedules(int limit) {
        return items.due(clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    public ItemView get(ItemId id) {
        Item item = items.find(id).orElseThrow(() -> new ItemNotFound(id));
        return ItemView.of(
                item,
                deliveries.deliveriesOf(List.of(id.value())).getOrDefault(id.value(), List.of()),
                media);
    }

    @Transactional(readOnly = true)
    ItemView.Page list(
            @Nullable ItemStatus status,
            @Nullable Channel channel,
            @Nullable DeliveryStatus deliveryStatus,
            int page,
            int size) {
        return list(null, status, channel, deliveryStatus, page, size);
    }

    /**
     * A page of items, most recently changed first.
     *
     * @param department only this department's items, when given (a liaison's own list)
     */
    @Transactional(readOnly = true)
    public ItemView.Page list(
            @Nullable String department,
            @Nullable ItemStatus status,
            @Nullable Channel channel,
            @Nullable DeliveryStatus deliveryStatus,
            int page,
            int size) {
        List<UUID> ids =
                channel == null && deliveryStatus == null
                        ? null
                        : deliveries.itemsWith(channel, deliveryStatus);
        List<Item> found = items.page(department, status, ids, page, size);
        Map<UUID, List<DeliverySummary>> byItem =
                deliveries.deliveriesOf(found.stream().map(item -> item.id().value()).toList());
        return new ItemView.Page(
                found.stream()
                        .map(
                                item ->
                                        ItemView.of(
                                                item,
                                                byItem.getOrDefault(item.id().value(), List.of()),
                                                media))
                        .toList(),
                page,
                size,
                items.count(department, status, ids));
    }

    /**
     * The body as it would be stored and published: the same sanitiser as {@link #create}, for a
     * preview that shows exactly what the channels will get.
     */
    public String sanitized(String html) {
        return sanitizer.sanitize(html);
    }

    /**
     * Whether a body would pass the checks made when it is stored that bean validation cannot make:
     * its images' origins. For a form that shows the problem next to the field.
     *
     * @throws ImageFromOtherOrigin for the first image from elsewhere
     */
    public void checkImages(String html) {
        imageOrigins.check(sanitizer.sanitize(html));
    }

    private ItemView saved(Item item) {
        items.save(item);
        item.takeEvents().forEach(events::publishEvent);
        return ItemView.of(
                item,
                deliveries
                        .deliveriesOf(List.of(item.id().value()))
                        .getOrDefault(item.id().value(), List.of()),
                media);
    }

    private Item lockedOwnItem(ItemId id, Account user) {
        Item item = items.findForUpdate(id).orElseThrow(() -> new ItemNotFound(id));
        if (user.department() == null || !item.belongsTo(user.department())) {
            throw new ItemOfOtherDepartment(id, user.username());
        }
        return item;
    }

    /**
     * Validates what bean validation cannot (catalogue, body size, image origins, the LED window,
     * the media the item refers to, the schedule) and sanitises the body.
     *
     * @param department the department whose item it is
     * @param kept the schedule a scheduled item keeps for what the request leaves absent
     */
    private ItemContent content(ItemRequest request, String department, ItemContent.Schedule kept) {
        if (request.catalogueItem() != null) {
            catalogue.require(request.catalogueItem());
        }
        String body = sanitizer.sanitize(Objects.requireNonNull(request.body()));
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        long rawBytes =
                Objects.requireNonNull(request.body()).getBytes(StandardCharsets.UTF_8).length;
        long limit = properties.maxBodySize().toBytes();
        if (Math.max(bytes, rawBytes) > limit) {
            throw new BodyTooLarge(Math.max(bytes, rawBytes), limit);
        }
        imageOrigins.check(body);
        List<ItemContent.AttachmentRef> attachments = attachments(request, department);
        UUID cover = request.coverImage();
        if (cover != null) {
            image(usable("coverImage", cover, department), "coverImage");
        }
        List<UUID> bodyImages = HtmlSanitizer.mediaImages(body);
        for (UUID image : bodyImages) {
            image(usable("body", image, department), "body");
        }
        return new ItemContent(
                Objects.requireNonNull(request.title()).strip(),
                blankToNull(request.summary()),
                body,
                request.catalogueItem(),
                request.channels() == null || request.channels().isEmpty()
                        ? EnumSet.allOf(Channel.class)
                        : request.channels(),
                blankToNull(request.ledText()),
                request.producedOn(),
                new LedDisplay(
                        request.ledGroups() == null ? Set.of() : request.ledGroups(),
                        request.ledPriority() == null ? LedPriority.NORMAL : request.ledPriority(),
                        request.ledStartAt(),
                        request.ledExpireAt()),
                attachments,
                cover,
                bodyImages,
                new ItemContent.WeChatFields(
                        blankToNull(request.wechatTitle()),
                        blankToNull(request.wechatDigest()),
                        blankToNull(request.wechatAuthor())),
                schedule(request, kept));
    }

    private List<ItemContent.AttachmentRef> attachments(ItemRequest request, String department) {
        if (request.attachments() == null) {
            return List.of();
        }
        List<ItemContent.AttachmentRef> attachments = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.attachments().size(); i++) {
            ItemRequest.AttachmentRequest attachment = request.attachments().get(i);
            UUID id = Objects.requireNonNull(attachment.mediaId());
            String field = "attachments[" + i + "].mediaId";
            if (!seen.add(id)) {
                throw new AttachmentRepeated(field, id);
            }
            usable(field, id, department);
            attachments.add(new ItemContent.AttachmentRef(id, blankToNull(attachment.title())));
        }
        return attachments;
    }

    /**
     * The media file, when the department may use it: its own, an admin's (no department) or one an
     * approved item already shows.
     *
     * @throws UnknownMedia if there is no such file
     * @throws MediaOfOtherDepartment if another department's file is not in the open yet
     */
    private MediaFile usable(String field, UUID id, String department) {
        MediaFile file = media.find(id).orElseThrow(() -> new UnknownMedia(field, id));
        if (file.department() != null
                && !file.department().equals(department)
                && !items.approvedVersionUses(id)) {
            throw new MediaOfOtherDepartment(field, id);
        }
        return file;
    }

    private static void image(MediaFile file, String field) {
        if (!file.isImage()) {
            throw new MediaNotAnImage(field, file.id(), file.contentType());
        }
    }

    /**
     * The schedule: what the request gives, else what a scheduled item keeps. What the request
     * gives must lie ahead: {@code publishAt} in the future, {@code withdrawAt} after it and after
     * now.
     */
    private ItemContent.Schedule schedule(ItemRequest request, ItemContent.Schedule kept) {
        Instant now = clock.instant();
        Instant publishAt = request.publishAt();
        if (publishAt != null && !publishAt.isAfter(now)) {
            throw new PublishAtNotInFuture(publishAt, now);
        }
        Instant withdrawAt = request.withdrawAt();
        Instant effectivePublishAt = publishAt != null ? publishAt : kept.publishAt();
        if (withdrawAt != null
                && (!withdrawAt.isAfter(now)
                        || (effectivePublishAt != null
                                && !withdrawAt.isAfter(effectivePublishAt)))) {
            throw new WithdrawAtTooEarly(withdrawAt, effectivePublishAt, now);
        }
        String reason = blankToNull(request.withdrawReason());
        return new ItemContent.Schedule(
                effectivePublishAt,
                withdrawAt != null ? withdrawAt : kept.withdrawAt(),
                reason != null ? reason : kept.withdrawReason());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
