package cn.college.disclosure.channel.ledscreen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.LedOptions;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.contract.PublicationRequested;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The item's LED options where it has them, the group's configuration otherwise. */
class MessageDefaultsTests {

    private final Group gate = group("gate", Priority.NORMAL, Duration.ofDays(3), List.of());
    private final Group lobby = group("lobby", Priority.URGENT, Duration.ofDays(1), List.of("图书馆"));
    private final MessageDefaults defaults =
            new MessageDefaults(
                    new LedScreenProperties(
                            URI.create("http://localhost:8083/"),
                            new LedScreenProperties.Feed(
                                    Duration.ofSeconds(60),
                                    Duration.ofSeconds(10),
                                    Duration.ofSeconds(5)),
                            List.of(gate, lobby)));

    @Test
    void anEventWithoutOptionsGetsTheGroupsDefaults() {
        PublicationRequested request = request("图书馆", null);

        assertThat(defaults.groupsFor(request).groups()).containsExactly(gate, lobby);
        assertThat(defaults.priority(request, lobby)).isEqualTo(Priority.URGENT);
        assertThat(defaults.startAt(request)).isEqualTo(request.occurredAt());
        assertThat(defaults.expireAt(request, lobby, request.occurredAt()))
                .isEqualTo(request.occurredAt().plus(Duration.ofDays(1)));
    }

    @Test
    void theItemsOptionsWinAndTheGroupsPriorityIsAFloor() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        Instant end = Instant.parse("2030-01-02T00:00:00Z");
        PublicationRequested request =
                request("图书馆", new LedOptions(Set.of("lobby"), LedPriority.NORMAL, start, end));
        PublicationRequested emergency =
                request("图书馆", new LedOptions(null, LedPriority.EMERGENCY, null, null));

        assertThat(defaults.groupsFor(request).groups()).containsExactly(lobby);
        assertThat(defaults.priority(request, lobby)).isEqualTo(Priority.URGENT);
        assertThat(defaults.priority(emergency, gate)).isEqualTo(Priority.EMERGENCY);
        assertThat(defaults.startAt(request)).isEqualTo(start);
        assertThat(defaults.expireAt(request, lobby, start)).isEqualTo(end);
        assertThat(defaults.groupsFor(emergency).groups()).containsExactly(gate, lobby);
    }

    @Test
    void namingAGroupThatIsNotConfiguredOrDoesNotShowTheDepartmentIsRefused() {
        MessageDefaults.Choice choice =
                defaults.groupsFor(
                        request(
                                "教务处",
                                new LedOptions(Set.of("gate", "lobby", "roof"), null, null, null)));

        assertThat(choice.groups()).isEmpty();
        assertThat(choice.refusal())
                .isEqualTo(
                        "unknown screen group(s) roof (configured: gate, lobby); "
                                + "screen group(s) lobby do not show items of 教务处");
    }

    private static PublicationRequested request(String department, @Nullable LedOptions led) {
        PublicationRequested f = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                f.eventId(),
                f.itemId(),
                f.version(),
                f.occurredAt(),
                f.title(),
                f.summary(),
                f.bodyHtml(),
                f.channels(),
                f.catalogueItem(),
                department,
                f.canonicalUrl(),
                f.ledText(),
                f.producedOn(),
                f.approvedBy(),
                led);
    }

    private static Group group(
            String name, Priority priority, Duration lifetime, List<String> departments) {
        return new Group(
                name,
                128,
                64,
                16,
                0,
                DisplayMode.PAGE,
                Duration.ofSeconds(8),
                lifetime,
                priority,
                true,
                List.of(),
                departments,
                null);
    }
}
