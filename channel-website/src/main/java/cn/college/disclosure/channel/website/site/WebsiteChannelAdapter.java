package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryAttempt;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.WebsitePaths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an item as its page in the static site and updates the index, feed and sitemap. The
 * page table is written before the page, so a page on disk always has its row; a page on disk with
 * the attempt's version is therefore proof of delivery when reconciling.
 */
class WebsiteChannelAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebsiteChannelAdapter.class);

    private final StaticSite site;
    private final LivePages pages;
    private final Clock clock;

    WebsiteChannelAdapter(StaticSite site, LivePages pages, Clock clock) {
        this.site = site;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBSITE;
    }

    @Override
    public DeliveryOutcome publish(PublicationRequested request, DeliveryContext context) {
        Page page = Page.of(request);
        pages.save(page);
        Path file = site.writeItemPage(page, request.bodyHtml());
        List<Page> live = pages.live();
        site.writeListings(live);
        log.info(
                "Wrote {} (version {}) and the index, feed and sitemap of {} live pages",
                file,
                request.version(),
                live.size());
        return DeliveryOutcome.delivered(
                site.urlOf(request.itemId()),
                WebsitePaths.itemPage(request.itemId()),
                context.replacing() == null
                        ? null
                        : "replaced version %d".formatted(context.replacing().version()));
    }

    @Override
    public DeliveryOutcome retract(PublicationRetracted retraction, DeliveryContext context) {
        pages.markRetracted(retraction.itemId(), clock.instant());
        site.deleteItemPage(retraction.itemId());
        site.writeListings(pages.live());
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
}
