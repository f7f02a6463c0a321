package cn.college.disclosure.channel.website;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generated website.
 *
 * @param webRoot the directory the site is written to and served from
 * @param collegeName the college's name, in every page's title and header
 * @param publicBaseUrl the URL the web root is reachable at; pages are reported as this plus {@code
 *     items/<item id>.html}
 */
@ConfigurationProperties("channel.website")
public record WebsiteProperties(
        @DefaultValue("data/website") Path webRoot,
        @DefaultValue("示范职业技术学院") String collegeName,
        @DefaultValue("http://localhost:8081/") URI publicBaseUrl) {

    public WebsiteProperties {
        String base = publicBaseUrl.toString();
        if (!base.endsWith("/")) {
            publicBaseUrl = URI.create(base + "/");
        }
    }
}
