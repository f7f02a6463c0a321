package cn.college.disclosure.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.PublicationEvent;
import cn.college.disclosure.contract.WireTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The core's side of the contract: what it writes and reads equals the shared fixtures. */
class KafkaSerializationTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesPublicationRequestedAsItsFixtureWithTheLogicalTypeId() {
        assertWritesFixture(
                ContractFixtures.publicationRequested(), WireTypes.PUBLICATION_REQUESTED);
    }

    @Test
    void writesPublicationRetractedAsItsFixtureWithTheLogicalTypeId() {
        assertWritesFixture(
                ContractFixtures.publicationRetracted(), WireTypes.PUBLICATION_RETRACTED);
    }

    @Test
    void writesDeliveryRepairRequestedAsItsFixtureWithTheLogicalTypeId() {
        assertWritesFixture(
                ContractFixtures.deliveryRepairRequested(), WireTypes.DELIVERY_REPAIR_REQUESTED);
    }

    @Test
    void readsTheChannelStatusReportedFixtureByItsLogicalTypeId() {
        Deserializer<Object> deserializer = new ErrorHandlingDeserializer<>();
        deserializer.configure(KafkaSerialization.consumerConfigs(), false);
        RecordHeaders headers = new RecordHeaders();
        headers.add(
                "__TypeId__", WireTypes.CHANNEL_STATUS_REPORTED.getBytes(StandardCharsets.UTF_8));

        Object read =
                deserializer.deserialize(
                        "channel-status",
                        headers,
                        ContractFixtures.fixture(WireTypes.CHANNEL_STATUS_REPORTED)
                                .getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(ContractFixtures.channelStatusReported());
    }

    @Test
    void readsTheDeliveryReportedFixtureByItsLogicalTypeId() {
        Deserializer<Object> deserializer = new ErrorHandlingDeserializer<>();
        deserializer.configure(KafkaSerialization.consumerConfigs(), false);
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", WireTypes.DELIVERY_REPORTED.getBytes(StandardCharsets.UTF_8));

        Object read =
                deserializer.deserialize(
                        "delivery-reports",
                        headers,
                        ContractFixtures.fixture(WireTypes.DELIVERY_REPORTED)
                                .getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(ContractFixtures.deliveryReported());
    }

    /**
     * The contract's channel set has no order ({@code Set.copyOf}), so the array is compared as a
     * set.
     */
    private static JsonNode sortedChannels(JsonNode event) {
        if (event.get("channels") instanceof ArrayNode channels) {
            List<String> names = new ArrayList<>();
            channels.forEach(channel -> names.add(channel.asString()));
            Collections.sort(names);
            channels.removeAll();
            names.forEach(channels::add);
        }
        return event;
    }

    private void assertWritesFixture(PublicationEvent event, String wireType) {
        Serializer<Object> serializer = new JacksonJsonSerializer<>();
        serializer.configure(KafkaSerialization.producerConfigs(), false);
        RecordHeaders headers = new RecordHeaders();

        byte[] written = serializer.serialize("publication-events", headers, event);

        assertThat(json.readTree(written))
                .isEqualTo(json.readTree(ContractFixtures.fixture(wireType)));
        assertThat(new String(headers.lastHeader("__TypeId__").value(), StandardCharsets.UTF_8))
                .isEqualTo(wireType);
    }
}
