package cn.college.disclosure.channel.runtime.media;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the channel reads the files its publications refer to: publisher-core's media API, with the
 * channel's own service credential. The address is configuration, never taken from a record.
 *
 * @param coreUrl publisher-core's base URL, e.g. {@code http://localhost:8080/}
 * @param username the channel's service account on the core
 * @param password its password
 * @param timeout how long reading one file may take
 */
@ConfigurationProperties("channel.media")
public record MediaProperties(
        @DefaultValue("http://localhost:8080/") URI coreUrl,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("60s") Duration timeout) {

    public MediaProperties {
        // without the slash, resolving api/media/<id> would drop the base's last segment
        String base = coreUrl.toString();
        if (!base.endsWith("/")) {
            coreUrl = URI.create(base + "/");
        }
    }
}
