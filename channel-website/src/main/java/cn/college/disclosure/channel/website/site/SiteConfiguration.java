package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.channel.runtime.media.MediaReader;
import cn.college.disclosure.channel.website.WebsiteProperties;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    SiteFiles siteFiles(WebsiteProperties properties, MediaReader media) {
        return new SiteFiles(properties.webRoot(), media);
    }

    @Bean
    PageFiles pageFiles(JdbcClient jdbc, SiteFiles copies) {
        return new PageFiles(jdbc, copies);
    }

    @Bean
    WebsiteChannelAdapter websiteChannelAdapter(
            StaticSite site,
            LivePages pages,
            SiteFiles copies,
            PageFiles files,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        return new WebsiteChannelAdapter(
                site, pages, copies, files, new TransactionTemplate(transactionManager), clock);
    }

    /** An empty web root gets its index at once, so that {@code /} answers before any delivery. */
    @Bean
    ApplicationRunner writeListingsOnStartup(StaticSite site, LivePages pages) {
        return arguments -> site.writeListings(pages.live());
    }
}
