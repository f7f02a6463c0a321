package cn.college.disclosure.core.item;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what liaisons submit.
 *
 * @param maxBodySize the largest body accepted, measured as UTF-8 after sanitising
 * @param imageOrigins the only origins (scheme, host and port) a body's images may come from: the
 *     college's website and the core's own address by default (application.yml); any other {@code
 *     <img src>} is refused when the item is saved or approved; the media store's own {@code
 *     /api/media/<id>} is always allowed
 * @param scheduleInterval how often the schedule job looks for items to release or withdraw (the
 *     time between a {@code publishAt} and its release is at most this plus the relay's delay)
 */
@ConfigurationProperties("publisher.items")
record ItemsProperties(
        @DefaultValue("200KB") DataSize maxBodySize,
        @DefaultValue List<URI> imageOrigins,
        @DefaultValue("1s") Duration scheduleInterval) {}
