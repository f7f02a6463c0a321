package cn.college.disclosure.channel.ledscreen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFittingTests {

    /** A 128x64 panel with a 16 px font: 8 CJK characters (16 ASCII) per line, 4 lines. */
    private static final Group GATE = group(128, 64, 16, DisplayMode.PAGE);

    @Test
    void countsFullWidthCharactersAsOneCellAndAsciiAsHalf() {
        assertThat(TextFitting.width("招生")).isEqualTo(4);
        assertThat(TextFitting.width("ab")).isEqualTo(2);
        assertThat(TextFitting.width("2024年招生")).isEqualTo(10);
        assertThat(TextFitting.width("，。！")).isEqualTo(6);
        assertThat(TextFitting.width("ＡＢ")).isEqualTo(4);
        assertThat(TextFitting.width("\uD840\uDC00")).isEqualTo(2); // U+20000, CJK extension B
        assertThat(TextFitting.width("한국")).isEqualTo(4);
        assertThat(TextFitting.width("é-")).isEqualTo(2);
    }

    @Test
    void breaksLinesByCellsNotByCharacters() {
        assertThat(TextFitting.lines("一二三四五六七八九十", 16)).containsExactly("一二三四五六七八", "九十");
        assertThat(TextFitting.lines("abcdefghijklmnopq", 16))
                .containsExactly("abcdefghijklmnop", "q");
        // 15 half cells used: the next full-width character goes to the next line whole
        assertThat(TextFitting.lines("abcdefghijklmno中", 16))
                .containsExactly("abcdefghijklmno", "中");
    }

    @Test
    void showsTextThatFitsAsOneStaticPage() {
        TextFitting.Fitted fitted = TextFitting.fit("明日停电通知", GATE);

        assertThat(fitted.mode()).isEqualTo(DisplayMode.STATIC);
        assertThat(fitted.pages()).containsExactly("明日停电通知");
    }

    @Test
    void splitsLongTextIntoPagesOfTheGroupsLines() {
        String text = "关于2024年秋季学期期末考试安排的通知：请各位同学按时参加考试，携带学生证和身份证。";

        TextFitting.Fitted fitted = TextFitting.fit(text, GATE);

        assertThat(fitted.mode()).isEqualTo(DisplayMode.PAGE);
        assertThat(fitted.pages()).hasSizeGreaterThan(1);
        assertThat(fitted.pages().get(0).split("\n")).hasSize(4);
        assertThat(fitted.pages().get(0)).startsWith("关于2024年秋季学\n");
        assertThat(String.join("", fitted.pages()).replace("\n", "")).isEqualTo(text);
    }

    @Test
    void setsLongTextToScrollAsOneLineInAScrollingGroup() {
        String text = "图书馆将于本周六进行系统维护，期间暂停借还服务，敬请谅解。";

        TextFitting.Fitted fitted = TextFitting.fit(text, group(192, 32, 32, DisplayMode.SCROLL));

        assertThat(fitted.mode()).isEqualTo(DisplayMode.SCROLL);
        assertThat(fitted.pages()).containsExactly(text);
    }

    @Test
    void pagesTextThatDoesNotFitAStaticGroup() {
        TextFitting.Fitted fitted =
                TextFitting.fit("一二三四五六七八九十", group(64, 16, 16, DisplayMode.STATIC));

        assertThat(fitted.mode()).isEqualTo(DisplayMode.PAGE);
        assertThat(fitted.pages()).containsExactly("一二三四", "五六七八", "九十");
    }

    @Test
    void normalisesWhitespaceAndControlCharacters() {
        assertThat(TextFitting.normalise("  明日\t\t停电\r\n通知\u3000\u3000请\u0007注意\u200b!  "))
                .isEqualTo("明日 停电 通知 请 注意 !");
        assertThat(TextFitting.normalise("\n\t ")).isEmpty();
    }

    @Test
    void removesMarkupAndDecodesEntities() {
        assertThat(TextFitting.normalise("<p>考试<b>安排</b></p><p>见&lt;附件&gt;&amp;说明</p>"))
                .isEqualTo("考试安排 见<附件>&说明");
        assertThat(TextFitting.normalise("<script>alert(1)</script>通知")).isEqualTo("通知");
        assertThat(TextFitting.normalise("a < b")).isEqualTo("a < b");
    }

    /** Property: for random mixed texts and panels, no line exceeds the capacity, none is lost. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void noPageExceedsTheCapacityAndNoCharacterIsLostOrReordered(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int font = 8 + random.nextInt(25);
            int width = font * (1 + random.nextInt(20)) + random.nextInt(font);
            int height = font * (1 + random.nextInt(4)) + random.nextInt(font);
            DisplayMode mode = DisplayMode.values()[random.nextInt(3)];
            Group group = group(width, height, font, mode);
            String text = TextFitting.normalise(randomText(random, random.nextInt(200)));

            TextFitting.Fitted fitted = TextFitting.fit(text, group);

            if (fitted.mode() != DisplayMode.SCROLL) {
                for (String page : fitted.pages()) {
                    String[] lines = page.split("\n", -1);
                    assertThat(lines.length).isLessThanOrEqualTo(group.linesPerPage());
                    for (String line : lines) {
                        assertThat(TextFitting.width(line))
                                .as("line '%s' on %s", line, group)
                                .isLessThanOrEqualTo(2 * group.cellsPerLine());
                    }
                }
                assertThat(String.join("", fitted.pages()).replace("\n", "")).isEqualTo(text);
            } else {
                assertThat(fitted.pages()).containsExactly(text);
            }
        }
    }

    private static String randomText(Random random, int length) {
        String[] alphabets = {
            "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-:/()",
            "，。！？：；“”（）【】、 ",
            "ＡＢＣ１２３가나다アイウ\uD840\uDC00\uD83D\uDE00é",
            "\t\n\r\u3000\u0000\u200b<>&"
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            int[] codePoints = alphabet.codePoints().toArray();
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    static Group group(int width, int height, int font, DisplayMode mode) {
        return new Group(
                "g",
                width,
                height,
                font,
                0,
                mode,
                Duration.ofSeconds(8),
                Duration.ofDays(3),
                Priority.NORMAL,
                true,
                List.of(),
                List.of(),
                null);
    }
}
