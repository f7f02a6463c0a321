package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Topics#PUBLICATIONS_DEAD_LETTER} as raw bytes (a dead-lettered record may be
 * unreadable) into {@link DeadLetters}: the item from the key, the channel from the consumer group
 * that gave up ({@code kafka_dlt-original-consumer-group}), the reason from {@code
 * kafka_dlt-exception-message}, the version from the payload when it is JSON.
 */
@Component
class DeadLetterListener {

    private static final String TYPE_ID = "__TypeId__";

    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final Clock clock;

    DeadLetterListener(DeadLetters deadLetters, JsonMapper json, Clock clock) {
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(
            id = "publisher-core-dead-letters",
            topics = Topics.PUBLICATIONS_DEAD_LETTER,
            properties = {
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "auto.offset.reset=earliest"
            })
    void on(ConsumerRecord<String, byte[]> record) {
        String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        deadLetters.record(
                record.topic() + "-" + record.partition() + "-" + record.offset(),
                uuid(record.key()),
                version(record.value()),
                channel(group),
                group,
                header(record, TYPE_ID),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                clock.instant());
    }

    private @Nullable Integer version(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode version = json.readTree(value).get("version");
            return version != null && version.isInt() ? version.asInt() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable Channel channel(@Nullable String group) {
        return group == null
                ? null
                : Arrays.stream(Channel.values())
                        .filter(channel -> channel.listenerId().equals(group))
                        .findFirst()
                        .orElse(null);
    }

    private static @Nullable UUID uuid(@Nullable String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException notAnItemId) {
            return null;
        }
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
