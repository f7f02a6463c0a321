package cn.college.disclosure.contract;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item version was approved: every targeted channel publishes it, replacing any earlier version.
 *
 * @param title the title, at most 120 characters
 * @param summary a plain-text summary, at most 300 characters
 * @param bodyHtml the body, HTML already sanitised by publisher-core with an allow-list
 * @param channels the channels the item targets; every other channel reports SKIPPED
 * @param catalogueItem the catalogue item the publication discloses, if any
 * @param department the department that owns the item, e.g. 教务处
 * @param canonicalUrl the item's page on the college website, the link every other channel points
 *     to
 * @param ledText a short text for the LED screens; the title is used when absent
 * @param producedOn the day the information was produced, for the 20-working-day rule
 * @param approvedBy the user who approved this version
 * @param led how the LED screens show the item (groups, priority, display window); absent in events
 *     written before the options existed, and whenever the item chose none
 * @param attachments the files listed under the body, in the liaison's order (at most 20); empty in
 *     events written before files existed
 * @param cover the image WeChat shows as the article's cover; the account's default when absent
 * @param images the media the body's images refer to ({@code <img src="/api/media/{id}">} in {@code
 *     bodyHtml}), so that a channel can replace each address by its own copy
 * @param wechat the item's own title, digest and author for WeChat, when the liaison gave them
 */
public record PublicationRequested(
        UUID eventId,
        UUID itemId,
        int version,
        Instant occurredAt,
        String title,
        @Nullable String summary,
        String bodyHtml,
        Set<Channel> channels,
        @Nullable CatalogueEntry catalogueItem,
        String department,
        URI canonicalUrl,
        @Nullable String ledText,
        @Nullable LocalDate producedOn,
        String approvedBy,
        @Nullable LedOptions led,
        List<Attachment> attachments,
        @Nullable MediaReference cover,
        List<MediaReference> images,
        @Nullable WeChatVariant wechat)
        implements PublicationEvent {

    /** The address a body image refers to on the core: {@code /api/media/<id>}. */
    public static final String BODY_IMAGE_PATH = "/api/media/%s";

    public PublicationRequested {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        images = images == null ? List.of() : List.copyOf(images);
        // enum order, so that the same event always serialises to the same bytes
        channels =
                channels.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }

    /** An event without files or a WeChat variant, as written before they existed. */
    public PublicationRequested(
            UUID eventId,
            UUID itemId,
            int version,
            Instant occurredAt,
            String title,
            @Nullable String summary,
            String bodyHtml,
            Set<Channel> channels,
            @Nullable CatalogueEntry catalogueItem,
            String department,
            URI canonicalUrl,
            @Nullable String ledText,
            @Nullable LocalDate producedOn,
            String approvedBy,
            @Nullable LedOptions led) {
        this(
                eventId,
                itemId,
                version,
                occurredAt,
                title,
                summary,
                bodyHtml,
                channels,
                catalogueItem,
                department,
                canonicalUrl,
                ledText,
                producedOn,
                approvedBy,
                led,
                List.of(),
                null,
                List.of(),
                null);
    }

    /** An event without LED options: the LED channel applies its groups' defaults. */
    public PublicationRequested(
            UUID eventId,
            UUID itemId,
            int version,
            Instant occurredAt,
            String title,
            @Nullable String summary,
            String bodyHtml,
            Set<Channel> channels,
            @Nullable CatalogueEntry catalogueItem,
            String department,
            URI canonicalUrl,
            @Nullable String ledText,
            @Nullable LocalDate producedOn,
            String approvedBy) {
        this(
                eventId,
                itemId,
                version,
                occurredAt,
                title,
                summary,
                bodyHtml,
                channels,
                catalogueItem,
                department,
                canonicalUrl,
                ledText,
                producedOn,
                approvedBy,
                null);
    }

    /** The WeChat article's title: the item's WeChat title when it has one, else its title. */
    public String wechatTitle() {
        return wechat != null && wechat.title() != null ? wechat.title() : title;
    }

    /** The WeChat article's digest: the item's WeChat digest when it has one, else its summary. */
    public @Nullable String wechatDigest() {
        return wechat != null && wechat.digest() != null ? wechat.digest() : summary;
    }

    /** The WeChat article's author, when the item names one. */
    public @Nullable String wechatAuthor() {
        return wechat == null ? null : wechat.author();
    }

    /** Whether the item is to be published on the channel. */
    public boolean targets(Channel channel) {
        return channels.contains(channel);
    }
}
