package cn.college.disclosure.core.outbox;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.LedOptions;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import cn.college.disclosure.contract.WeChatVariant;
import cn.college.disclosure.contract.WebsitePaths;
import cn.college.disclosure.core.catalogue.Catalogue;
import cn.college.disclosure.core.item.ItemApproved;
import cn.college.disclosure.core.item.ItemRetracted;
import cn.college.disclosure.core.item.LedDisplay;
import cn.college.disclosure.core.media.MediaFile;
import cn.college.disclosure.core.media.MediaLibrary;
import cn.college.disclosure.core.operations.RepairRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the items' events into contract events in the outbox. Runs synchronously inside the
 * transaction that approved or retracted the item (it requires one), so the event exists exactly
 * when the change does.
 */
@Component
class OutboxWriter {

    private final Outbox outbox;
    private final Catalogue catalogue;
    private final PublisherWebsiteProperties website;
    private final Clock clock;
    private final ObjectProvider<OutboxRelayScheduler> relay;
    private final MediaLibrary media;

    OutboxWriter(
            Outbox outbox,
            Catalogue catalogue,
            PublisherWebsiteProperties website,
            Clock clock,
            ObjectProvider<OutboxRelayScheduler> relay,
            MediaLibrary media) {
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.website = website;
        this.clock = clock;
        this.relay = relay;
        this.media = media;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemApproved approved) {
        Instant now = clock.instant();
        UUID itemId = approved.itemId().value();
        outbox.add(
                Topics.PUBLICATIONS,
                new PublicationRequested(
                        UUID.randomUUID(),
                        itemId,
                        approved.version(),
                        now,
                        approved.title(),
                        approved.summary(),
                        approved.bodyHtml(),
                        approved.channels(),
                        approved.catalogueItem() == null
                                ? null
                                : catalogue.require(approved.catalogueItem()),
                        approved.department(),
                        website.baseUrl().resolve(WebsitePaths.itemPage(itemId)),
                        approved.ledText(),
                        approved.producedOn(),
                        approved.approvedBy(),
                        ledOptions(approved),
                        approved.attachments().stream()
                                .map(
                                        attachment ->
                                                new Attachment(
                                                        reference(attachment.mediaId()),
                                                        attachment.title()))
                                .toList(),
                        approved.coverImage() == null ? null : reference(approved.coverImage()),
                        approved.bodyImages().stream().distinct().map(this::reference).toList(),
                        approved.wechat().isEmpty()
                                ? null
                                : new WeChatVariant(
                                        approved.wechat().title(),
                                        approved.wechat().digest(),
                                        approved.wechat().author())),
                now);
        relayOnCommit();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemRetracted retracted) {
        if (!retracted.published()) {
            // a scheduled version cancelled before its time: no channel ever heard of it
            return;
        }
        Instant now = clock.instant();
        outbox.add(
                Topics.PUBLICATIONS,
                new PublicationRetracted(
                        UUID.randomUUID(),
                        retracted.itemId().value(),
                        retracted.version(),
                        now,
                        retracted.reason(),
                        retracted.retractedBy()),
                now);
        relayOnCommit();
    }

    /**
     * An operator's repair becomes the channel's command on the publications topic, keyed by the
     * item like the item's other events, so it is handled after the request it repairs.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RepairRequested repair) {
        outbox.add(
                Topics.PUBLICATIONS,
                new DeliveryRepairRequested(
                        repair.eventId(),
                        repair.itemId(),
                        repair.version(),
                        repair.requestedAt(),
                        repair.channel(),
                        repair.action(),
                        repair.requestedBy(),
                        repair.note()),
                clock.instant());
        relayOnCommit();
    }

    /**
     * The reference to a media file the item uses: its address on the core's API and where the
     * website serves its copy. The item checked that the file exists when it was saved, and files
     * are never removed.
     */
    private MediaReference reference(UUID id) {
        MediaFile file =
                media.find(id).orElseThrow(() -> new IllegalStateException("No media file " + id));
        return new MediaReference(
                file.id(),
                file.sha256(),
                file.size(),
                file.contentType(),
                file.fileName(),
                media.apiUrl(file.id()),
                website.baseUrl().resolve(WebsitePaths.file(file.sha256(), file.fileName())));
    }

    /** The LED options, for an item shown on the LED screens; nothing for any other item. */
    private static @Nullable LedOptions ledOptions(ItemApproved approved) {
        if (!approved.channels().contains(Channel.LED_SCREEN)) {
            return null;
        }
        LedDisplay led = approved.led();
        return new LedOptions(led.groups(), led.priority(), led.startAt(), led.expireAt());
    }

    /** The event leaves as soon as the change is committed, not at the relay's next tick. */
    private void relayOnCommit() {
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        relay.ifAvailable(OutboxRelayScheduler::wakeUp);
                    }
                });
    }
}
