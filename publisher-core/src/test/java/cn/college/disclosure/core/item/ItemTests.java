package cn.college.disclosure.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.LedPriority;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTests {

    private final Clock clock = Clock.fixed(Instant.parse("2021-03-15T01:30:00Z"), ZoneOffset.UTC);

    private static ItemContent content(String title) {
        return new ItemContent(
                title,
                "摘要",
                "<p>正文</p>",
                7,
                EnumSet.allOf(Channel.class),
                null,
                null,
                LedDisplay.DEFAULT);
    }

    private Item draft() {
        return Item.draft(content("2021年招生章程"), "教务处", "liaison", clock);
    }

    @Test
    void theApprovedEventCarriesTheVersionsLedDisplay() {
        LedDisplay led =
                new LedDisplay(
                        Set.of("gate"),
                        LedPriority.EMERGENCY,
                        null,
                        Instant.parse("2021-03-16T00:00:00Z"));
        Item item =
                Item.draft(
                        new ItemContent(
                                "停水通知",
                                null,
                                "<p>x</p>",
                                null,
                                Set.of(Channel.LED_SCREEN),
                                null,
                                null,
                                led),
                        "后勤处",
                        "liaison",
                        clock);

        item.approve("liaison", clock);

        assertThat(item.takeEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ItemApproved.class, approved -> assertThat(approved.led()).isEqualTo(led));
    }

    @Test
    void anLedExpiryNotAfterItsStartIsRefusedNamingTheExpiry() {
        Instant start = Instant.parse("2021-03-16T00:00:00Z");

        assertThatThrownBy(() -> new LedDisplay(Set.of(), LedPriority.NORMAL, start, start))
                .isInstanceOfSatisfying(
                        LedExpiryNotAfterStart.class,
                        refused -> assertThat(refused.field()).isEqualTo("ledExpireAt"));
    }

    @Test
    void aNewItemIsTheFirstVersionAsADraftWithNothingLive() {
        Item item = draft();

        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.liveVersion()).isNull();
        assertThat(item.takeEvents()).isEmpty();
    }

    @Test
    void editingADraftReplacesItsContentInTheSameVersion() {
        Item item = draft();

        item.revise(content("新标题"), clock);

        assertThat(item.version()).isEqualTo(1);
        assertThat(item.content().title()).isEqualTo("新标题");
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void approvingADraftMakesItLiveAndRegistersItemApproved() {
        Item item = draft();

        item.approve("liaison", clock);

        assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
        assertThat(item.liveVersion()).isEqualTo(1);
        assertThat(item.approvedBy()).isEqualTo("liaison");
        assertThat(item.takeEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ItemApproved.class,
                        approved -> {
                            assertThat(approved.version()).isEqualTo(1);
                            assertThat(approved.title()).isEqualTo("2021年招生章程");
                            assertThat(approved.department()).isEqualTo("教务处");
                            assertThat(approved.approvedAt()).isEqualTo(clock.instant());
                        });
    }

    @Test
    void approvingTwiceIsRefusedWithTheCurrentState() {
        Item item = draft();
        item.approve("liaison", clock);
        item.takeEvents();

        assertThatThrownBy(() -> item.approve("liaison", clock))
                .isInstanceOf(ItemNotInDraft.class)
                .hasMessageContaining("APPROVED");
        assertThat(item.takeEvents()).isEmpty();
    }

    @Test
    void revisingAnApprovedItemStartsTheNextVersionWhileTheApprovedOneStaysLive() {
        Item item = draft();
        item.approve("liaison", clock);
        item.takeEvents();

        item.revise(content("第二版"), clock);

        assertThat(item.version()).isEqualTo(2);
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(item.liveVersion()).isEqualTo(1);

        item.approve("liaison", clock);

        assertThat(item.liveVersion()).isEqualTo(2);
        assertThat(item.takeEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ItemApproved.class,
                        approved -> {
                            assertThat(approved.version()).isEqualTo(2);
                            assertThat(approved.title()).isEqualTo("第二版");
                        });
    }

    @Test
    void retractingWithdrawsTheLiveVersionAndIsFinal() {
        Item item = draft();
        item.approve("liaison", clock);
        item.revise(content("第二版"), clock);
        item.takeEvents();

        item.retract("招生计划调整", "admin", clock);

        assertThat(item.status()).isEqualTo(ItemStatus.RETRACTED);
        assertThat(item.liveVersion()).isNull();
        assertThat(item.takeEvents())
                .singleElement()
                .isEqualTo(new ItemRetracted(item.id(), 1, "招生计划调整", "admin", clock.instant()));
        assertThatThrownBy(() -> item.retract("again", "admin", clock))
                .isInstanceOf(ItemAlreadyRetracted.class);
        assertThatThrownBy(() -> item.approve("liaison", clock))
                .isInstanceOf(ItemAlreadyRetracted.class);
        assertThatThrownBy(() -> item.revise(content("x"), clock))
                .isInstanceOf(ItemAlreadyRetracted.class);
    }

    @Test
    void aDraftThatWasNeverApprovedCannotBeRetracted() {
        Item item = draft();

        assertThatThrownBy(() -> item.retract("reason", "liaison", clock))
                .isInstanceOf(ItemNotPublished.class)
                .hasMessageContaining("DRAFT");
    }

    @Test
    void approvalIsRefusedWhenATargetedChannelWouldRefuseAField() {
        String title = "标".repeat(33);
        Item forWeChat =
                Item.draft(
                        new ItemContent(
                                title,
                                null,
                                "<p>x</p>",
                                null,
                                Set.of(Channel.WECHAT),
                                null,
                                null,
                                LedDisplay.DEFAULT),
                        "教务处",
                        "liaison",
                        clock);
        Item forWebsite =
                Item.draft(
                        new ItemContent(
                                title,
                                null,
                                "<p>x</p>",
                                null,
                                Set.of(Channel.WEBSITE),
                                null,
                                null,
                                LedDisplay.DEFAULT),
                        "教务处",
                        "liaison",
                        clock);

        assertThatThrownBy(() -> forWeChat.approve("liaison", clock))
                .isInstanceOfSatisfying(
                        ChannelLimitExceeded.class,
                        exceeded -> {
                            assertThat(exceeded.limit().channel()).isEqualTo(Channel.WECHAT);
                            assertThat(exceeded.limit().field()).isEqualTo("title");
                        });
        assertThat(forWeChat.status()).isEqualTo(ItemStatus.DRAFT);
        forWebsite.approve("liaison", clock);
        assertThat(forWebsite.status()).isEqualTo(ItemStatus.APPROVED);
    }
}
