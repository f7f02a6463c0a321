package cn.college.disclosure.channel.runtime.wire;

import cn.college.disclosure.contract.ChannelStatusReported;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.WireTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The settings both directions share. Type ids come from {@link WireTypes#MAPPING}, never class
 * names, and a record that cannot be read reaches the error handler as a {@code
 * DeserializationException} instead of stopping the consumer.
 */
final class WireFormat {

    static final String CONTRACT_PACKAGE = PublicationEvent.class.getPackageName();

    /** Consumer settings: keys are item ids as strings, values the contract's events. */
    static Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        properties.put(
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class);
        properties.put(JacksonJsonDeserializer.TYPE_MAPPINGS, WireTypes.MAPPING);
        properties.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, CONTRACT_PACKAGE);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    /** Producer settings: durable, idempotent, type ids as in the contract. */
    static Map<String, Object> producerProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a report to an unreachable broker fails within seconds (and the record is handled again)
        // instead of blocking the listener, or the shutdown, for the default minute
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(JacksonJsonSerializer.TYPE_MAPPINGS, WireTypes.MAPPING);
        return properties;
    }

    /**
     * Events as JSON; raw bytes as they are, for the dead-letter copy of a record that could not be
     * read.
     */
    static Serializer<Object> valueSerializer() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(PublicationEvent.class, new JacksonJsonSerializer<PublicationEvent>());
        delegates.put(
                ChannelStatusReported.class, new JacksonJsonSerializer<ChannelStatusReported>());
        return new DelegatingByTypeSerializer(delegates, true);
    }

    private WireFormat() {}
}
