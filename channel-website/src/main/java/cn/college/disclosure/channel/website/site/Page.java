package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.PublicationRequested;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the website shows of one item version, except its body.
 *
 * @param publishedAt when the version was approved, shown as 发布日期 in China time
 */
record Page(
        UUID itemId,
        int version,
        String title,
        @Nullable String summary,
        String department,
        @Nullable CatalogueEntry catalogueItem,
        Instant publishedAt) {

    static Page of(PublicationRequested request) {
        return new Page(
                request.itemId(),
                request.version(),
                request.title(),
                request.summary(),
                request.department(),
                request.catalogueItem(),
                request.occurredAt());
    }
}
