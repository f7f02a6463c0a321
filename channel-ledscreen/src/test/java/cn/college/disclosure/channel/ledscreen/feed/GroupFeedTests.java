package cn.college.disclosure.channel.ledscreen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupFeedTests {

    private final GroupFeed feed = new GroupFeed("gate", 7, Instant.now(), List.of());

    @Test
    void theEntityTagNamesTheGroupAndVersion() {
        assertThat(feed.etag()).isEqualTo("W/\"gate-7\"");
    }

    @Test
    void matchesItsOwnTagWeakOrStrongAmongOthersAndTheWildcard() {
        assertThat(feed.matches("W/\"gate-7\"")).isTrue();
        assertThat(feed.matches("\"gate-7\"")).isTrue();
        assertThat(feed.matches("\"lobby-7\", W/\"gate-7\"")).isTrue();
        assertThat(feed.matches("*")).isTrue();
    }

    @Test
    void doesNotMatchAnotherVersionOrGroup() {
        assertThat(feed.matches("W/\"gate-6\"")).isFalse();
        assertThat(feed.matches("W/\"gate-77\"")).isFalse();
        assertThat(feed.matches("W/\"lobby-7\"")).isFalse();
    }
}
