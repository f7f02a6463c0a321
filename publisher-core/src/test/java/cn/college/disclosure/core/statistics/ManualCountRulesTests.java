package cn.college.disclosure.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManualCountRulesTests {

    private final ManualCountRules rules =
            new ManualCountRules(
                    Map.of("BULLETIN_BOARD", new StatisticsProperties.ChannelName("公示栏", "信息")));

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"1.5", "-1", "1000000000000", "1000001", "1e3", "1.0", "\"12\"", "+3", "１２"})
    void refusesWhatIsNotAWholeNumberFromZeroToAMillionNamingTheField(String written) {
        assertThatThrownBy(() -> rules.counts(Map.of("BULLETIN_BOARD", written)))
                .isInstanceOfSatisfying(
                        ManualCountRejected.class,
                        rejected -> {
                            assertThat(rejected.field()).isEqualTo("counts.BULLETIN_BOARD");
                            assertThat(rejected.code()).isEqualTo("manualCount.invalid");
                            assertThat(rejected.arguments()).containsExactly("公示栏", "1000000");
                        });
    }

    @Test
    void acceptsZeroToAMillionAndTakesAnEmptyValueAsNoCount() {
        Map<String, String> written = new HashMap<>();
        written.put("BULLETIN_BOARD", " 1000000 ");
        assertThat(rules.counts(written)).containsExactly(Map.entry("BULLETIN_BOARD", 1_000_000));
        assertThat(rules.counts(Map.of("BULLETIN_BOARD", "0")))
                .containsExactly(Map.entry("BULLETIN_BOARD", 0));
        assertThat(rules.counts(Map.of("BULLETIN_BOARD", "  "))).isEmpty();
        written.put("BULLETIN_BOARD", null);
        assertThat(rules.counts(written)).isEmpty();
    }

    @Test
    void refusesAKeyThatIsNoManualChannel() {
        assertThatThrownBy(() -> rules.counts(Map.of("NEWSPAPER", "3")))
                .isInstanceOfSatisfying(
                        ManualCountRejected.class,
                        rejected -> {
                            assertThat(rejected.field()).isEqualTo("counts.NEWSPAPER");
                            assertThat(rejected.code()).isEqualTo("manualCount.unknownChannel");
                        });
    }
}
