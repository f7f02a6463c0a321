package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A channel service made of the runtime and a scripted adapter; topics as publisher-core makes
 * them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RuntimeTestApplication {

    @Bean
    ScriptedAdapter scriptedAdapter() {
        return new ScriptedAdapter();
    }

    /** Boot's template, except that the test can make the broker lose an item's next reports. */
    @Bean
    FlakyKafkaTemplate kafkaTemplate(ProducerFactory<Object, Object> producers) {
        return new FlakyKafkaTemplate(producers);
    }

    @Bean
    NewTopic publicationsTopic() {
        return TopicBuilder.name(Topics.PUBLICATIONS).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic publicationsDeadLetterTopic() {
        return TopicBuilder.name(Topics.PUBLICATIONS_DEAD_LETTER).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic deliveryReportsTopic() {
        return TopicBuilder.name(Topics.DELIVERY_REPORTS).partitions(3).replicas(1).build();
    }
}
