package cn.college.disclosure.channel.ledscreen.huidu;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import cn.college.disclosure.channel.ledscreen.feed.FeedMessage;
import cn.college.disclosure.channel.ledscreen.feed.GroupFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HuiduProgramTests {

    private static final Instant START = Instant.parse("2026-11-29T03:30:00Z");
    private static final Instant END = Instant.parse("2026-12-02T03:30:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replacesTheProgramWithOneStaticItemPerPageAndOneScrollingLinePerScrollMessage() {
        GroupFeed feed =
                new GroupFeed(
                        "gate",
                        7,
                        START,
                        List.of(
                                message(11, Priority.URGENT, DisplayMode.PAGE, "一二三\n四五", "六七"),
                                message(
                                        12,
                                        Priority.NORMAL,
                                        DisplayMode.SCROLL,
                                        "闭馆通知 Library closed")));

        JsonNode body = json.valueToTree(HuiduProgram.of(feed, group()));

        assertThat(body.path("method").asString()).isEqualTo("replace");
        assertThat(body.path("programs")).hasSize(1);
        JsonNode program = body.path("programs").get(0);
        assertThat(program.path("name").asString()).isEqualTo("xxgk-gate");
        assertThat(program.path("feedVersion").asLong()).isEqualTo(7);
        assertThat(program.path("area").path("width").asInt()).isEqualTo(128);
        assertThat(program.path("area").path("height").asInt()).isEqualTo(64);
        JsonNode items = program.path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("id").asString()).isEqualTo("11-0");
        assertThat(items.get(0).path("text").asString()).isEqualTo("一二三\n四五");
        assertThat(items.get(0).path("effect").asString()).isEqualTo("static");
        assertThat(items.get(0).path("holdMs").asInt()).isEqualTo(6000);
        assertThat(items.get(0).path("fontSize").asInt()).isEqualTo(16);
        assertThat(items.get(0).path("priority").asString()).isEqualTo("urgent");
        assertThat(items.get(1).path("id").asString()).isEqualTo("11-1");
        assertThat(items.get(1).path("text").asString()).isEqualTo("六七");
        assertThat(items.get(2).path("effect").asString()).isEqualTo("continuous-left-scroll");
        assertThat(items.get(2).path("speed").asInt()).isPositive();
        assertThat(items.get(2).path("text").asString()).isEqualTo("闭馆通知 Library closed");
        assertThat(items.get(2).path("playWindow").path("start").asString())
                .isEqualTo("2026-11-29T03:30:00Z");
        assertThat(items.get(2).path("playWindow").path("end").asString())
                .isEqualTo("2026-12-02T03:30:00Z");
    }

    @Test
    void anEmptyFeedRemovesTheGroupsProgram() {
        JsonNode body =
                json.valueToTree(
                        HuiduProgram.of(new GroupFeed("gate", 8, START, List.of()), group()));

        assertThat(body.path("method").asString()).isEqualTo("remove");
        assertThat(body.path("programs")).hasSize(1);
        assertThat(body.path("programs").get(0).path("name").asString()).isEqualTo("xxgk-gate");
        assertThat(body.path("programs").get(0).has("items")).isFalse();
    }

    private static FeedMessage message(
            long id, Priority priority, DisplayMode mode, String... pages) {
        return new FeedMessage(
                id,
                UUID.randomUUID(),
                1,
                "gate",
                priority,
                mode,
                6,
                List.of(pages),
                START,
                END,
                null);
    }

    private static Group group() {
        return new Group(
                "gate",
                128,
                64,
                16,
                0,
                DisplayMode.PAGE,
                Duration.ofSeconds(6),
                Duration.ofDays(3),
                Priority.NORMAL,
                true,
                List.of(),
                List.of(),
                null);
    }
}
