package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.channel.website.WebsiteProperties;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The website adapter, whose bean switches the channel runtime on. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StaticSite staticSite(WebsiteProperties properties, Clock clock) {
        return new StaticSite(
                properties.webRoot(), properties.collegeName(), properties.publicBaseUrl(), clock);
    }

    @Bean
    LivePages livePages(JdbcClient jdbc) {
        return new LivePages(jdbc);
    }

    @Bean
    WebsiteChannelAdapter websiteChannelAdapter(StaticSite site, LivePages pages, Clock clock) {
        return new WebsiteChannelAdapter(site, pages, clock);
    }

    /** An empty web root gets its index at once, so that {@code /} answers before any delivery. */
    @Bean
    ApplicationRunner writeListingsOnStartup(StaticSite site, LivePages pages) {
        return arguments -> site.writeListings(pages.live());
    }
}
