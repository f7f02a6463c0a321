package cn.college.disclosure.core.messaging;

import cn.college.disclosure.contract.WireTypes;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * How the core writes and reads the contract's events: JSON with the logical type id of {@link
 * WireTypes} in the type header, never a class name. Readers wrap the JSON deserializer so that a
 * record they cannot read goes to the dead-letter topic instead of blocking the partition.
 */
final class KafkaSerialization {

    static final String TRUSTED_PACKAGES = "cn.college.disclosure.contract";

    static Map<String, Object> producerConfigs() {
        return Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class,
                JacksonJsonSerializer.TYPE_MAPPINGS, WireTypes.MAPPING,
                JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, true);
    }

    static Map<String, Object> consumerConfigs() {
        return Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class,
                JacksonJsonDeserializer.TYPE_MAPPINGS, WireTypes.MAPPING,
                JacksonJsonDeserializer.TRUSTED_PACKAGES, TRUSTED_PACKAGES);
    }

    private KafkaSerialization() {}
}
