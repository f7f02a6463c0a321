package cn.college.disclosure.channel.website.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code Content-Disposition} a file is served with. */
class FileControllerTests {

    @Test
    void givesTheUtf8NameAndAnAsciiFallback() {
        assertThat(FileController.disposition("attachment", "2024年招生章程.pdf"))
                .isEqualTo(
                        "attachment; filename=\"2024_____.pdf\";"
                                + " filename*=UTF-8''2024%E5%B9%B4%E6%8B%9B%E7%94%9F%E7%AB%A0%E7%A8%8B.pdf");
    }

    @Test
    void encodesSpacesQuotesAndSeparatorsInTheExtendedName() {
        assertThat(FileController.disposition("inline", "a \"b\";c.png"))
                .isEqualTo(
                        "inline; filename=\"a _b_;c.png\"; filename*=UTF-8''a%20%22b%22%3Bc.png");
    }
}
