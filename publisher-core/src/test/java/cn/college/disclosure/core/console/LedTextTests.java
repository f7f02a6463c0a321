package cn.college.disclosure.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LedTextTests {

    private static final ConsoleProperties.LedPreview DEMO =
            new ConsoleProperties.LedPreview("demo", 128, 64, 16, 0);

    private static List<String> lines(LedText.Page page) {
        return page.lines().stream()
                .map(line -> line.stream().map(LedText.Glyph::text).collect(Collectors.joining()))
                .toList();
    }

    @Test
    void theDemoGroupHoldsEightCjkCharactersALineAndFourLinesAPage() {
        List<LedText.Page> pages = LedText.pages("关于二〇二一年国庆节放假安排的通知请各部门做好值班工作确保校园安全稳定", DEMO);

        assertThat(pages).hasSize(2);
        assertThat(lines(pages.get(0)))
                .containsExactly("关于二〇二一年国", "庆节放假安排的通", "知请各部门做好值", "班工作确保校园安");
        assertThat(lines(pages.get(1))).containsExactly("全稳定");
    }

    @Test
    void asciiTakesHalfACellSoALineHoldsSixteen() {
        List<LedText.Page> pages = LedText.pages("ABCDEFGHIJKLMNOPQ 招生", DEMO);

        assertThat(lines(pages.get(0))).containsExactly("ABCDEFGHIJKLMNOP", "Q 招生");
        assertThat(pages.get(0).lines().get(1))
                .extracting(LedText.Glyph::width)
                .containsExactly(1, 1, 2, 2);
    }

    @Test
    void markupIsRemovedAndWhitespaceCollapsedLikeTheChannelDoes() {
        assertThat(LedText.normalise("<p>第一条</p>\n\t<p>招生&amp;就业</p>　通知"))
                .isEqualTo("第一条 招生&就业 通知");
    }

    @Test
    void anEmptyTextIsOneEmptyPage() {
        assertThat(LedText.pages("", DEMO)).hasSize(1);
        assertThat(LedText.pages("", DEMO).get(0).lines()).containsExactly(List.of());
    }
}
