package cn.college.disclosure.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class InputConstraintsTests {

    @Test
    void plainTextRefusesControlCharactersAndLoneSurrogatesButKeepsPairs() {
        assertThat(PlainText.Validator.isPlain("通知 😀 ok", false)).isTrue();
        assertThat(PlainText.Validator.isPlain("a\u0000b", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("a\u001bb", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("a\u007f", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("a\ud800b", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("a\udc00", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("line\nbreak\ttab", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("line\r\nbreak\ttab", true)).isTrue();
        assertThat(PlainText.Validator.isPlain("a\u0000", true)).isFalse();
    }

    @Test
    void visibleTextNeedsACharacterThatIsNotBlankZeroWidthOrControl() {
        VisibleText.Validator visible = new VisibleText.Validator();
        assertThat(visible.isValid("\u200b\u200c\u200d\ufeff\u2060\u3000 ", null)).isFalse();
        assertThat(visible.isValid("\u3164", null)).isFalse();
        assertThat(visible.isValid("\u200b通知", null)).isTrue();
        assertThat(visible.isValid(null, null)).isTrue();
    }

    @Test
    void plausibleDatesLieWithin1970To9999() {
        PlausibleDate.Validator plausible = new PlausibleDate.Validator();
        assertThat(plausible.isValid(LocalDate.of(2021, 3, 10), null)).isTrue();
        assertThat(plausible.isValid(LocalDate.of(0, 3, 10), null)).isFalse();
        assertThat(plausible.isValid(LocalDate.of(-999_999_999, 1, 1), null)).isFalse();
        assertThat(plausible.isValid(LocalDate.of(57303, 1, 1), null)).isFalse();
        assertThat(plausible.isValid(Instant.parse("+294277-01-01T00:00:00Z"), null)).isFalse();
        assertThat(plausible.isValid(Instant.MAX, null)).isFalse();
        assertThat(plausible.isValid(Instant.parse("1969-12-31T23:59:59Z"), null)).isFalse();
        assertThat(plausible.isValid(Instant.parse("9999-12-31T23:59:59Z"), null)).isTrue();
    }

    @Test
    void imagesMustComeFromAConfiguredOrigin() {
        ImageOrigins origins =
                new ImageOrigins(
                        new ItemsProperties(
                                DataSize.ofKilobytes(200),
                                List.of(
                                        URI.create("https://www.college.edu.cn/"),
                                        URI.create("http://localhost:8080/")),
                                java.time.Duration.ofSeconds(1)));

        origins.check("<p><img src=\"https://www.college.edu.cn/a/b.png\"></p>");
        origins.check("<p><img src=\"https://WWW.college.edu.cn:443/x.png\"></p>");
        origins.check("<p><img src=\"http://localhost:8080/media/1.png\"></p>");
        origins.check("<p>no image</p>");
        origins.check("<p><img src=\"/api/media/0b8e4c3e-6a5f-4f43-9d3b-2f5c1a7e9d10\"></p>");
        assertThatThrownBy(() -> origins.check("<img src=\"/api/media/../../etc/passwd\">"))
                .isInstanceOf(ImageFromOtherOrigin.class);
        assertThatThrownBy(() -> origins.check("<img src=\"http://169.254.169.254/x\">"))
                .isInstanceOf(ImageFromOtherOrigin.class);
        assertThatThrownBy(
                        () -> origins.check("<img src=\"https://www.college.edu.cn.evil.com/x\">"))
                .isInstanceOf(ImageFromOtherOrigin.class);
        assertThatThrownBy(() -> origins.check("<img src=\"http://www.college.edu.cn/x\">"))
                .isInstanceOf(ImageFromOtherOrigin.class);
        assertThatThrownBy(() -> origins.check("<img src=\"http://localhost:8081/x\">"))
                .isInstanceOf(ImageFromOtherOrigin.class);
    }
}
