package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.media.BodyMedia;
import cn.college.disclosure.channel.runtime.media.MediaUnreadable;
import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.WebsitePaths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes an item as its page in the static site and updates the index, feed and sitemap.
 *
 * <p><b>Order.</b> The item's files (attachments, body images, cover) are copied into the web root
 * first, so a page never links a missing file; then the page row and the list of the page's files
 * are written, then the page. So a page on disk always has its row, and a page on disk with the
 * attempt's version is proof of delivery when reconciling.
 *
 * <p><b>Files.</b> A copy already on disk with the right hash is not read again. A file the core
 * cannot serve ({@link MediaUnreadable}) is left out with a warning and the page published; the
 * core being away ({@link TransientDeliveryFailure}) fails the attempt, which the runtime retries.
 * A retraction, or a new version without a file, takes the copy down unless another live page lists
 * it.
 */
class WebsiteChannelAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebsiteChannelAdapter.class);

    private final StaticSite site;
    private final LivePages pages;
    private final SiteFiles copies;
    private final PageFiles files;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebsiteChannelAdapter(
            StaticSite site,
            LivePages pages,
            SiteFiles copies,
            PageFiles files,
            TransactionTemplate transactions,
            Clock clock) {
        this.site = site;
        this.pages = pages;
        this.copies = copies;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBSITE;
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        Set<DeliveryWarning> warnings = new LinkedHashSet<>();
        Held held = copyFiles(request, warnings);
        Page page = Page.of(request);
        List<PageFile> previous =
                transactions.execute(
                        status -> {
                            files.lock();
                            for (PageFile file : held.files()) {
                                if (!copies.exists(file)) {
                                    throw new TransientDeliveryFailure(
                                            "The copy of %s/%s was taken down meanwhile by a"
                                                    + " retraction; copying it again"
                                                            .formatted(
                                                                    file.sha256(),
                                                                    file.fileName()));
                                }
                            }
                            pages.save(page);
                            List<PageFile> before = files.of(request.itemId());
                            files.replace(request.itemId(), held.files());
                            return before;
                        });
        List<DeliveryWarning> bodyWarnings = new ArrayList<>();
        String body =
                BodyMedia.rewrite(
                        request.bodyHtml(), imagesById(request), held.addresses(), bodyWarnings);
        warnings.addAll(bodyWarnings);
        Path file = site.writeItemPage(page, body, held.attachments(), held.cover());
        List<Page> live = pages.live();
        site.writeListings(live);
        List<PageFile> dropped =
                previous.stream().filter(old -> !held.files().contains(old)).toList();
        takeDown(dropped);
        log.info(
                "Wrote {} (version {}) with {} files ({} read from the core, {} left out,"
                        + " {} taken down) and the index, feed and sitemap of {} live pages",
                file,
                request.version(),
                held.files().size(),
                held.read(),
                held.leftOut(),
                dropped.size(),
                live.size());
        return new DeliveryOutcome.Delivered(
                site.urlOf(request.itemId()),
                WebsitePaths.itemPage(request.itemId()),
                context.replacing() == null
                        ? null
                        : "replaced version %d".formatted(context.replacing().version()),
                List.copyOf(warnings));
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        UUID itemId = retraction.itemId();
        pages.markRetracted(itemId, clock.instant());
        site.deleteItemPage(itemId);
        site.writeListings(pages.live());
        // after the page: a repeat after a crash finds the rows still there and finishes the job
        List<PageFile> listed = files.of(itemId);
        transactions.executeWithoutResult(
                status -> {
                    files.lock();
                    takeDownUnlisted(listed);
                    files.replace(itemId, List.of());
                });
        if (!listed.isEmpty()) {
            log.info("Took down the page of item {} and its {} files", itemId, listed.size());
        }
        return DeliveryOutcome.retracted();
    }

    @Override
    public DeliveryOutcome reconcile(DeliveryAttempt attempt) {
        OptionalInt onDisk = site.versionOnDisk(attempt.itemId());
        if (onDisk.isPresent() && onDisk.getAsInt() == attempt.version()) {
            // the crash may have come before the listings were updated
            site.writeListings(pages.live());
            return DeliveryOutcome.delivered(
                    site.urlOf(attempt.itemId()), WebsitePaths.itemPage(attempt.itemId()));
        }
        return DeliveryOutcome.absent();
    }

    /**
     * What the site holds of the publication's files once they were copied.
     *
     * @param files every copy the page lists
     * @param attachments the attachments with a copy, in the liaison's order
     * @param addresses the body images with a copy: their address relative to the page, by id
     * @param cover the cover, if it has a copy
     * @param read how many files were read from the core (the others were on disk already)
     * @param leftOut how many distinct files could not be copied
     */
    private record Held(
            List<PageFile> files,
            List<Attachment> attachments,
            Map<UUID, String> addresses,
            @Nullable MediaReference cover,
            int read,
            int leftOut) {}

    private Held copyFiles(PublicationRequested request, Set<DeliveryWarning> warnings) {
        Map<PageFile, Boolean> copied = new LinkedHashMap<>();
        List<PageFile> readNow = new ArrayList<>();
        try {
            Stream.concat(
                            Stream.concat(
                                    request.attachments().stream().map(Attachment::file),
                                    request.images().stream()),
                            Stream.ofNullable(request.cover()))
                    .forEach(
                            file ->
                                    copied.computeIfAbsent(
                                            PageFile.of(file), key -> copy(file, key, readNow)));
        } catch (RuntimeException e) {
            // the core is away: leave no copy behind that no page lists
            discard(readNow);
            throw e;
        }
        List<Attachment> attachments = new ArrayList<>();
        for (Attachment attachment : request.attachments()) {
            if (copied.get(PageFile.of(attachment.file()))) {
                attachments.add(attachment);
            } else {
                warnings.add(
                        new DeliveryWarning(
                                DeliveryWarning.FILE_UNREADABLE, attachment.file().fileName()));
            }
        }
        Map<UUID, String> addresses = new LinkedHashMap<>();
        for (MediaReference image : request.images()) {
            if (copied.get(PageFile.of(image))) {
                addresses.put(image.id(), StaticSite.fromPage(image));
            }
        }
        MediaReference cover = request.cover();
        if (cover != null && !copied.get(PageFile.of(cover))) {
            warnings.add(new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, cover.fileName()));
            cover = null;
        }
        List<PageFile> held =
                copied.entrySet().stream()
                        .filter(Map.Entry::getValue)
                        .map(Map.Entry::getKey)
                        .toList();
        return new Held(
                held, attachments, addresses, cover, readNow.size(), copied.size() - held.size());
    }

    /** Whether the site holds a copy of the file now; a file read from the core joins readNow. */
    private boolean copy(MediaReference file, PageFile key, List<PageFile> readNow) {
        if (!copies.storable(file)) {
            log.warn(
                    "Media {} is named {}, which cannot be a file name in the web root; left out",
                    file.id(),
                    file.fileName());
            return false;
        }
        try {
            if (copies.copy(file)) {
                readNow.add(key);
            }
            return true;
        } catch (MediaUnreadable e) {
            log.warn("Media {} ({}) left out: {}", file.id(), file.fileName(), e.getMessage());
            return false;
        }
    }

    private static Map<UUID, MediaReference> imagesById(PublicationRequested request) {
        Map<UUID, MediaReference> images = new LinkedHashMap<>();
        request.images().forEach(image -> images.put(image.id(), image));
        return images;
    }

    /** Takes down the copies no live page lists (any more). */
    private void takeDown(List<PageFile> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(
                status -> {
                    files.lock();
                    takeDownUnlisted(candidates);
                });
    }

    private void discard(List<PageFile> readNow) {
        try {
            takeDown(readNow);
        } catch (RuntimeException e) {
            log.warn("Could not discard the copies {} of a failed attempt", readNow, e);
        }
    }

    /** Holding the files' lock: deletes each copy that no live page lists. */
    private void takeDownUnlisted(List<PageFile> candidates) {
        for (PageFile file : candidates) {
            if (!files.listedByLivePage(file)) {
                copies.delete(file);
            }
        }
    }
}
