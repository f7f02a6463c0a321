package cn.college.disclosure.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's JSON fixtures and the records they stand for. The producer side asserts that it
 * writes each record as its fixture; the consumer side asserts that it reads each fixture as its
 * record. Shipped to both sides in this module's test-jar.
 */
public final class ContractFixtures {

    public static final UUID ITEM_ID = UUID.fromString("0b6f6c3e-5d1a-4a8e-9f27-3c4d5e6f7a81");

    public static PublicationRequested publicationRequested() {
        return new PublicationRequested(
                UUID.fromString("4f1c2a9e-8b7d-4e3a-9c61-0d2f5b8a7e10"),
                ITEM_ID,
                2,
                Instant.parse("2021-03-15T01:30:00Z"),
                "2021年招生章程",
                "本校2021年普通高等教育招生章程。",
                "<p>第一条 为规范招生工作……</p><p><a href=\"https://www.example.edu.cn/zs\">招生网</a></p>",
                Set.of(Channel.WEBSITE, Channel.WECHAT),
                new CatalogueEntry(7, "招生章程、招生计划", 2, "招生考试信息", "2014-v1"),
                "教务处",
                URI.create("http://localhost:8081/items/" + ITEM_ID + ".html"),
                "2021年招生章程已发布",
                LocalDate.parse("2021-03-10"),
                "liaison",
                new LedOptions(
                        Set.of("gate", "library-lobby"),
                        LedPriority.URGENT,
                        Instant.parse("2021-03-15T02:00:00Z"),
                        Instant.parse("2021-03-18T02:00:00Z")));
    }

    public static PublicationRetracted publicationRetracted() {
        return new PublicationRetracted(
                UUID.fromString("9a8b7c6d-5e4f-4321-8765-0fedcba98765"),
                ITEM_ID,
                2,
                Instant.parse("2021-04-01T02:00:00Z"),
                "招生计划调整,重新发布",
                "liaison");
    }

    public static DeliveryReported deliveryReported() {
        return new DeliveryReported(
                UUID.fromString("1d2e3f40-5162-4738-8a9b-acbdcedf0011"),
                ITEM_ID,
                2,
                Instant.parse("2021-03-15T01:30:02Z"),
                Channel.WEBSITE,
                DeliveryStatus.DELIVERED,
                URI.create("http://localhost:8081/items/" + ITEM_ID + ".html"),
                1,
                null,
                List.of(
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_TOO_LARGE,
                                "http://localhost:8080/api/media/7f3a/campus.png")));
    }

    public static DeliveryRepairRequested deliveryRepairRequested() {
        return new DeliveryRepairRequested(
                UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"),
                ITEM_ID,
                2,
                Instant.parse("2021-03-15T02:10:00Z"),
                Channel.WECHAT,
                RepairAction.RESOLVE_DELIVERED,
                "operator",
                "已在公众号后台确认文章已发布");
    }

    public static ChannelStatusReported channelStatusReported() {
        return new ChannelStatusReported(
                UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"),
                Channel.WECHAT,
                "wechat-host-4242",
                Instant.parse("2021-03-15T02:00:05Z"),
                true,
                true,
                "45009 reach max api daily quota limit",
                Instant.parse("2021-03-15T16:00:00Z"),
                "CLOSED",
                Instant.parse("2021-03-15T01:30:02Z"));
    }

    /**
     * The same publication as a new event (a new event id, everything else kept): what the outbox
     * sends again after a crash, or an operator's re-approval, looks like to a channel.
     */
    public static PublicationRequested withNewEventId(PublicationRequested request) {
        return new PublicationRequested(
                UUID.randomUUID(),
                request.itemId(),
                request.version(),
                request.occurredAt(),
                request.title(),
                request.summary(),
                request.bodyHtml(),
                request.channels(),
                request.catalogueItem(),
                request.department(),
                request.canonicalUrl(),
                request.ledText(),
                request.producedOn(),
                request.approvedBy(),
                request.led());
    }

    /** The fixture of a wire type, e.g. {@code fixture(WireTypes.PUBLICATION_REQUESTED)}. */
    public static String fixture(String wireType) {
        String path = "/fixtures/" + wireType + ".json";
        try (InputStream in = ContractFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No fixture at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ContractFixtures() {}
}
