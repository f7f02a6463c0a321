package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The feeds, one per group: JSON for controllers and adapters, plain text (one page per line) for
 * simple controllers, and an HTML ticker for browser-based players. JSON and text carry a weak ETag
 * (the feed version) and answer {@code If-None-Match} with 304.
 */
@RestController
class FeedController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Feeds feeds;
    private final LedScreenProperties properties;
    private final String ticker;

    FeedController(Feeds feeds, LedScreenProperties properties) {
        this.feeds = feeds;
        this.properties = properties;
        try {
            this.ticker =
                    new ClassPathResource("ledscreen/ticker.html")
                            .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feed as controllers read it. */
    record FeedView(
            String group,
            long version,
            Instant generatedAt,
            long ttlSec,
            List<MessageView> messages) {}

    /** One message; {@code id} changes with every version of the item. */
    record MessageView(
            long id,
            UUID itemId,
            int itemVersion,
            String priority,
            List<String> pages,
            String mode,
            int holdSec,
            Instant startAt,
            Instant expireAt) {}

    @GetMapping(value = "/led/feeds/{group}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedView> json(
            @PathVariable String group,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    @Nullable String ifNoneMatch) {
        GroupFeed feed = feeds.current(configured(group).name());
        if (ifNoneMatch != null && feed.matches(ifNoneMatch)) {
            return notModified(feed);
        }
        List<MessageView> messages =
                feed.messages().stream()
                        .map(
                                m ->
                                        new MessageView(
                                                m.id(),
                                                m.itemId(),
                                                m.itemVersion(),
                                                m.priority().name().toLowerCase(),
                                                m.pages(),
                                                m.mode().name().toLowerCase(),
                                                m.holdSec(),
                                                m.startAt(),
                                                m.expireAt()))
                        .toList();
        return cached(feed)
                .body(
                        new FeedView(
                                feed.group(),
                                feed.version(),
                                feed.generatedAt(),
                                properties.feed().ttl().toSeconds(),
                                messages));
    }

    @GetMapping(value = "/led/feeds/{group}.txt")
    ResponseEntity<String> text(
            @PathVariable String group,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    @Nullable String ifNoneMatch) {
        GroupFeed feed = feeds.current(configured(group).name());
        if (ifNoneMatch != null && feed.matches(ifNoneMatch)) {
            return notModified(feed);
        }
        // a page's lines were broken to the panel's width: the controller's own wrapping at the
        // same width breaks them again in the same places
        String body =
                feed.messages().stream()
                        .flatMap(m -> m.pages().stream())
                        .map(page -> page.replace("\n", "") + "\n")
                        .collect(Collectors.joining());
        return cached(feed).contentType(TEXT).body(body);
    }

    @GetMapping(value = "/led/feeds/{group}.html")
    ResponseEntity<String> html(@PathVariable String group) {
        Group known = configured(group);
        String page =
                ticker.replace("{{group}}", HtmlUtils.htmlEscape(known.name()))
                        .replace("{{ttlSec}}", Long.toString(properties.feed().ttl().toSeconds()))
                        .replace(
                                "{{refreshSec}}",
                                Long.toString(Math.max(1, properties.feed().maxAge().toSeconds())))
                        .replace("{{width}}", Integer.toString(known.width()))
                        .replace("{{height}}", Integer.toString(known.height()))
                        .replace("{{fontSize}}", Integer.toString(known.fontSize()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(HTML)
                .body(page);
    }

    private Group configured(String group) {
        return properties.group(group).orElseThrow(() -> new ScreenGroupNotConfigured(group));
    }

    private ResponseEntity.BodyBuilder cached(GroupFeed feed) {
        return ResponseEntity.ok().eTag(feed.etag()).cacheControl(cacheControl());
    }

    private <T> ResponseEntity<T> notModified(GroupFeed feed) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                .eTag(feed.etag())
                .cacheControl(cacheControl())
                .build();
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(properties.feed().maxAge().toSeconds(), TimeUnit.SECONDS)
                .mustRevalidate();
    }
}
