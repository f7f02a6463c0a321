package cn.college.disclosure.channel.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.WireTypes;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** The channel side of the contract: it reads the core's events and writes its reports as fixed. */
class WireContractTests {

    private static final String TYPE_ID = "__TypeId__";

    @Test
    void readsThePublicationRequestedFixture() {
        assertThat(read(WireTypes.PUBLICATION_REQUESTED))
                .isEqualTo(ContractFixtures.publicationRequested());
    }

    @Test
    void readsThePublicationRetractedFixture() {
        assertThat(read(WireTypes.PUBLICATION_RETRACTED))
                .isEqualTo(ContractFixtures.publicationRetracted());
    }

    @Test
    void writesDeliveryReportedAsItsFixtureWithTheLogicalTypeId() {
        try (Serializer<Object> serializer = WireFormat.valueSerializer()) {
            serializer.configure(WireFormat.producerProperties(), false);
            Headers headers = new RecordHeaders();

            byte[] written =
                    serializer.serialize(
                            "delivery-reports", headers, ContractFixtures.deliveryReported());

            JsonMapper json = JsonMapper.builder().build();
            assertThat(json.readTree(written))
                    .isEqualTo(
                            json.readTree(ContractFixtures.fixture(WireTypes.DELIVERY_REPORTED)));
            assertThat(new String(headers.lastHeader(TYPE_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(WireTypes.DELIVERY_REPORTED);
        }
    }

    @Test
    void readsTheDeliveryRepairRequestedFixture() {
        assertThat(read(WireTypes.DELIVERY_REPAIR_REQUESTED))
                .isEqualTo(ContractFixtures.deliveryRepairRequested());
    }

    @Test
    void writesChannelStatusReportedAsItsFixtureWithTheLogicalTypeId() {
        try (Serializer<Object> serializer = WireFormat.valueSerializer()) {
            serializer.configure(WireFormat.producerProperties(), false);
            Headers headers = new RecordHeaders();

            byte[] written =
                    serializer.serialize(
                            "channel-status", headers, ContractFixtures.channelStatusReported());

            JsonMapper json = JsonMapper.builder().build();
            assertThat(json.readTree(written))
                    .isEqualTo(
                            json.readTree(
                                    ContractFixtures.fixture(WireTypes.CHANNEL_STATUS_REPORTED)));
            assertThat(new String(headers.lastHeader(TYPE_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(WireTypes.CHANNEL_STATUS_REPORTED);
        }
    }

    @Test
    void passesUnreadableBytesOnAsTheyAreForTheDeadLetterTopic() {
        try (Serializer<Object> serializer = WireFormat.valueSerializer()) {
            serializer.configure(WireFormat.producerProperties(), false);
            byte[] garbage = {0x00, 0x7b, 0x13};

            assertThat(serializer.serialize("publication-events-dlt", new RecordHeaders(), garbage))
                    .isEqualTo(garbage);
        }
    }

    private static Object read(String wireType) {
        try (ErrorHandlingDeserializer<Object> deserializer = new ErrorHandlingDeserializer<>()) {
            deserializer.configure(WireFormat.consumerProperties(), false);
            Headers headers = new RecordHeaders();
            headers.add(TYPE_ID, wireType.getBytes(StandardCharsets.UTF_8));
            return deserializer.deserialize(
                    "publication-events",
                    headers,
                    ContractFixtures.fixture(wireType).getBytes(StandardCharsets.UTF_8));
        }
    }
}
