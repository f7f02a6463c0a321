package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.runtime.AsynchronousOutcomes;
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

    @Bean
    FeedRefresher ledFeedRefresher(Feeds feeds, LedScreenProperties properties) {
        return new FeedRefresher(feeds, properties.feed().refreshInterval());
    }
}
