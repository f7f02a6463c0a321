package cn.college.disclosure.channel.runtime.wire;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Puts the contract's wire format on Boot's consumer and producer factories. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnBean(ChannelAdapter.class)
class WireAutoConfiguration {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer contractConsumerFactoryCustomizer() {
        return factory -> factory.updateConfigs(WireFormat.consumerProperties());
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer contractProducerFactoryCustomizer() {
        return factory -> {
            factory.updateConfigs(WireFormat.producerProperties());
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<Object, Object> typed =
                    (DefaultKafkaProducerFactory<Object, Object>) factory;
            typed.setValueSerializerSupplier(WireFormat::valueSerializer);
        };
    }
}
