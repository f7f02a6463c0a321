package cn.college.disclosure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractTests {

    @Test
    void everyWireTypeHasAFixture() {
        WireTypes.ALL
                .keySet()
                .forEach(type -> assertThat(ContractFixtures.fixture(type)).contains("eventId"));
    }

    @Test
    void mappingNamesEveryEventOnceByItsLogicalId() {
        assertThat(WireTypes.MAPPING.split(","))
                .containsExactlyInAnyOrder(
                        "publication-requested.v1:" + PublicationRequested.class.getName(),
                        "publication-retracted.v1:" + PublicationRetracted.class.getName(),
                        "delivery-reported.v1:" + DeliveryReported.class.getName(),
                        "delivery-repair-requested.v1:" + DeliveryRepairRequested.class.getName(),
                        "channel-status-reported.v1:" + ChannelStatusReported.class.getName());
    }

    @Test
    void itemEventsAreTheWireTypesKeyedByItem() {
        WireTypes.ITEM_EVENTS.forEach(
                (id, type) -> assertThat(WireTypes.ALL.get(id)).isEqualTo(type));
        assertThat(WireTypes.ALL.keySet())
                .containsExactlyInAnyOrder(
                        WireTypes.PUBLICATION_REQUESTED,
                        WireTypes.PUBLICATION_RETRACTED,
                        WireTypes.DELIVERY_REPORTED,
                        WireTypes.DELIVERY_REPAIR_REQUESTED,
                        WireTypes.CHANNEL_STATUS_REPORTED);
        assertThat(WireTypes.ITEM_EVENTS).doesNotContainKey(WireTypes.CHANNEL_STATUS_REPORTED);
    }

    @Test
    void aChannelStatusIsKeyedByChannelAndInstance() {
        assertThat(ContractFixtures.channelStatusReported().key())
                .isEqualTo("WECHAT/wechat-host-4242");
    }

    @Test
    void listenerIdsAreKebabCasePerChannel() {
        assertThat(Channel.LED_SCREEN.listenerId()).isEqualTo("channel-led-screen");
        assertThat(Channel.WEBSITE.listenerId()).isEqualTo("channel-website");
    }

    @Test
    void wechatTitleLimitCountsCharactersNotBytes() {
        ChannelLimit title =
                ChannelLimits.of(Channel.WECHAT).stream()
                        .filter(limit -> limit.field().equals("title"))
                        .findFirst()
                        .orElseThrow();
        assertThat(title.admits("中".repeat(32))).isTrue();
        assertThat(title.admits("中".repeat(33))).isFalse();
        assertThat(ChannelLimits.of(Channel.WEBSITE)).isEmpty();
    }

    @Test
    void anEventWithoutLedOptionsLeavesThemToTheChannel() {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        PublicationRequested old =
                new PublicationRequested(
                        fixture.eventId(),
                        fixture.itemId(),
                        fixture.version(),
                        fixture.occurredAt(),
                        fixture.title(),
                        fixture.summary(),
                        fixture.bodyHtml(),
                        fixture.channels(),
                        fixture.catalogueItem(),
                        fixture.department(),
                        fixture.canonicalUrl(),
                        fixture.ledText(),
                        fixture.producedOn(),
                        fixture.approvedBy());

        assertThat(old.led()).isNull();
        assertThat(fixture.led()).isNotNull();
    }

    @Test
    void ledGroupsAreSortedAndNoGroupsIsAbsent() {
        assertThat(new LedOptions(Set.of("lobby", "gate"), null, null, null).groups())
                .containsExactly("gate", "lobby");
        assertThat(new LedOptions(Set.of(), LedPriority.EMERGENCY, null, null).groups()).isNull();
    }

    @Test
    void websitePageLivesUnderItems() {
        UUID id = UUID.fromString("0b6f6c3e-5d1a-4a8e-9f27-3c4d5e6f7a81");
        assertThat(WebsitePaths.itemPage(id)).isEqualTo("items/" + id + ".html");
    }
}
