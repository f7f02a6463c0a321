package cn.college.disclosure.channel.wechat.digest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.wechat.digest.DigestSelection.Candidate;
import cn.college.disclosure.channel.wechat.digest.DigestSelection.Selected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestSelectionTests {

    private static final Instant CUT_OFF = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void takesTheNewestApprovalsFirstAndRollsTheRest() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(candidate("item " + i, CUT_OFF.minusSeconds(3600 - i * 60L)));
        }

        Selected selected = DigestSelection.select(candidates, CUT_OFF, 8);

        assertThat(selected.taken())
                .extracting(Candidate::title)
                .containsExactly(
                        "item 9", "item 8", "item 7", "item 6", "item 5", "item 4", "item 3",
                        "item 2");
        assertThat(selected.rolled())
                .extracting(Candidate::title)
                .containsExactly("item 1", "item 0");
    }

    @Test
    void leavesApprovalsAfterTheCutOffForTheNextDigest() {
        Candidate before = candidate("before", CUT_OFF.minusSeconds(1));
        Candidate atCutOff = candidate("at", CUT_OFF);
        Candidate after = candidate("after", CUT_OFF.plusSeconds(1));

        Selected selected = DigestSelection.select(List.of(after, before, atCutOff), CUT_OFF, 8);

        assertThat(selected.taken()).containsExactly(atCutOff, before);
        assertThat(selected.rolled()).isEmpty();
    }

    @Test
    void honoursASmallerConfiguredMaximum() {
        List<Candidate> candidates =
                List.of(
                        candidate("a", CUT_OFF.minusSeconds(30)),
                        candidate("b", CUT_OFF.minusSeconds(20)),
                        candidate("c", CUT_OFF.minusSeconds(10)));

        Selected selected = DigestSelection.select(candidates, CUT_OFF, 1);

        assertThat(selected.taken()).extracting(Candidate::title).containsExactly("c");
        assertThat(selected.rolled()).extracting(Candidate::title).containsExactly("b", "a");
    }

    @Test
    void takesNothingWhenNothingWasApproved() {
        Selected selected = DigestSelection.select(List.of(), CUT_OFF, 8);

        assertThat(selected.taken()).isEmpty();
        assertThat(selected.rolled()).isEmpty();
    }

    private static Candidate candidate(String title, Instant approvedAt) {
        return new Candidate(UUID.randomUUID(), 1, approvedAt, title);
    }
}
