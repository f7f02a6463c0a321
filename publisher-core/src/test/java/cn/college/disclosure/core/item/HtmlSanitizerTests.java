package cn.college.disclosure.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTests {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removesScriptsHandlersAndJavascriptUrlsButKeepsChineseTextAndLinks() {
        String clean =
                sanitizer.sanitize(
                        "<p onclick=\"steal()\">第一条 为规范招生工作……</p><script>alert(1)</script>"
                                + "<a href=\"javascript:alert(1)\">坏链接</a>"
                                + "<a href=\"https://www.example.edu.cn/zs\">招生网</a>");

        assertThat(clean)
                .isEqualTo(
                        "<p>第一条 为规范招生工作……</p><a>坏链接</a>"
                                + "<a href=\"https://www.example.edu.cn/zs\">招生网</a>");
    }
}
