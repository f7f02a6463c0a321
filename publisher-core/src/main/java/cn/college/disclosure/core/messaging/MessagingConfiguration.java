package cn.college.disclosure.core.messaging;

import cn.college.disclosure.contract.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka for the core: Boot's factories get the contract's serialisation, the topics are declared,
 * and listeners share one error handler (a short in-process retry, then the dead-letter topic).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Where delivery reports that cannot be applied go, by Spring's {@code -dlt} convention. */
    static final String DELIVERY_REPORTS_DEAD_LETTER = Topics.DELIVERY_REPORTS + "-dlt";

    @Bean
    DefaultKafkaProducerFactoryCustomizer contractSerialization() {
        return factory -> factory.updateConfigs(KafkaSerialization.producerConfigs());
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer contractDeserialization() {
        return factory -> factory.updateConfigs(KafkaSerialization.consumerConfigs());
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.PUBLICATIONS, properties),
                topic(Topics.PUBLICATIONS_DEAD_LETTER, properties),
                topic(Topics.DELIVERY_REPORTS, properties),
                topic(DELIVERY_REPORTS_DEAD_LETTER, properties),
                // one slot per channel instance; the channel runtime declares it the same way
                TopicBuilder.name(Topics.CHANNEL_STATUS)
                        .partitions(1)
                        .replicas(properties.replicas())
                        .compact()
                        .build());
    }

    private static NewTopic topic(String name, TopicsProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    /**
     * Retries a failed record a few times in process, then publishes it to the topic's {@code -dlt}
     * on the same partition. Records that could not be read at all arrive as their original bytes
     * and are forwarded as such; bad records are not retried.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<Object, Object> template,
            ProducerFactory<Object, Object> producerFactory,
            DeliveryReportsProperties properties) {
        @SuppressWarnings("unchecked")
        ProducerFactory<Object, Object> bytes =
                (ProducerFactory<Object, Object>)
                        (ProducerFactory<?, ?>)
                                producerFactory.copyWithConfigurationOverride(
                                        Map.of(
                                                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                                ByteArraySerializer.class));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(bytes));
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer(
                        templates,
                        (record, exception) ->
                                new TopicPartition(record.topic() + "-dlt", record.partition()));
        DefaultErrorHandler handler =
                new DefaultErrorHandler(
                        recoverer,
                        new FixedBackOff(
                                properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(
                IllegalArgumentException.class, NullPointerException.class);
        return handler;
    }
}
