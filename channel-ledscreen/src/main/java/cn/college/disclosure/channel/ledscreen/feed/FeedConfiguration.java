package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
import cn.college.disclosure.channel.runtime.scheduling.ChannelJob;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The LED adapter, whose bean switches the channel runtime on, and the feeds it writes. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    Feeds ledFeeds(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            LedScreenProperties properties,
            ObjectProvider<AsynchronousOutcomes> outcomes) {
        return new Feeds(
                jdbc, new TransactionTemplate(transactionManager), clock, properties, outcomes);
    }

    @Bean
    LedScreenChannelAdapter ledScreenChannelAdapter(
            Feeds feeds,
            LedScreenProperties properties,
            ObjectProvider<AsynchronousOutcomes> outcomes,
            Clock clock) {
        return new LedScreenChannelAdapter(
                feeds, new MessageDefaults(properties), properties, outcomes, clock);
    }

    /**
     * Recomputes every group's feed now and then, so that expiry, start times and the end of an
     * emergency move the feed on (and deliver in groups that need no acknowledgement) even while no
     * screen polls; on one instance at a time, so that two never move the same feed on.
     */
    @Bean
    ChannelJob ledFeedRefresh(Feeds feeds, LedScreenProperties properties) {
        return ChannelJob.oneInstance(
                "led-feed-refresh", properties.feed().refreshInterval(), feeds::refreshAll);
    }
}
