package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.core.account.Account;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.catalogue.Catalogue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items' use cases. Each command loads the item locked, applies one transition, saves it and
 * publishes its events in the same transaction, so the outbox row and the delivery rows the events
 * cause commit together with the state change or not at all.
 */
@Service
public class ItemService {

    private final Items items;
    private final Catalogue catalogue;
    private final HtmlSanitizer sanitizer;
    private final DeliveryLookup deliveries;
    private final ApplicationEventPublisher events;
    private final ItemsProperties properties;
    private final ImageOrigins imageOrigins;
    private final Clock clock;

    ItemService(
            Items items,
            Catalogue catalogue,
            HtmlSanitizer sanitizer,
            DeliveryLookup deliveries,
            ApplicationEventPublisher events,
            ItemsProperties properties,
            ImageOrigins imageOrigins,
            Clock clock) {
        this.items = items;
        this.catalogue = catalogue;
        this.sanitizer = sanitizer;
        this.deliveries = deliveries;
        this.events = events;
        this.properties = properties;
        this.imageOrigins = imageOrigins;
        this.clock = clock;
    }

    @Transactional
    public ItemView create(ItemRequest request, Account liaison) {
        String department = liaison.department();
        if (department == null) {
            throw new IllegalStateException("Liaison " + liaison.username() + " has no department");
        }
        Item item = Item.draft(content(request), department, liaison.username(), clock);
        items.save(item);
        return ItemView.of(item, List.of());
    }

    @Transactional
    public ItemView revise(ItemId id, ItemRequest request, Account liaison) {
        Item item = lockedOwnItem(id, liaison);
        item.revise(content(request), clock);
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

    @Transactional(readOnly = true)
    public ItemView get(ItemId id) {
        Item item = items.find(id).orElseThrow(() -> new ItemNotFound(id));
        return ItemView.of(
                item,
                deliveries.deliveriesOf(List.of(id.value())).getOrDefault(id.value(), List.of()));
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
                                                byItem.getOrDefault(item.id().value(), List.of())))
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
                        .getOrDefault(item.id().value(), List.of()));
    }

    private Item lockedOwnItem(ItemId id, Account user) {
        Item item = items.findForUpdate(id).orElseThrow(() -> new ItemNotFound(id));
        if (user.department() == null || !item.belongsTo(user.department())) {
            throw new ItemOfOtherDepartment(id, user.username());
        }
        return item;
    }

    /**
     * Validates what bean validation cannot (catalogue, body size, image origins, the LED window)
     * and sanitises the body.
     */
    private ItemContent content(ItemRequest request) {
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
                        request.ledExpireAt()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
