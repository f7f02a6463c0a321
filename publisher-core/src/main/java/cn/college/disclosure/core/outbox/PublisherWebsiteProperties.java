package cn.college.disclosure.core.outbox;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The college website, whose item pages every other channel links to.
 *
 * @param baseUrl the website's public base URL, ending in {@code /}
 */
@ConfigurationProperties("publisher.website")
record PublisherWebsiteProperties(@DefaultValue("http://localhost:8081/") URI baseUrl) {}
