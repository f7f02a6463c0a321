package cn.college.disclosure.core.console;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * The LED text as a screen group shows it, by the rule channel-ledscreen's {@code TextFitting}
 * applies (the console cannot depend on a channel's module): markup removed and whitespace
 * collapsed; a full-width character (CJK, kana, Hangul, full-width forms) takes one cell of the
 * font size, any other character half of one; lines broken greedily between characters; pages of
 * the group's lines. {@code LedTextTests} pins the two rules to the same examples.
 */
final class LedText {

    /** One character and the half cells it takes (2 or 1). */
    record Glyph(String text, int width) {}

    /** A page: its lines, each a list of glyphs. */
    record Page(List<List<Glyph>> lines) {}

    static String normalise(String text) {
        String plain =
                text.indexOf('<') >= 0 || text.indexOf('&') >= 0
                        ? Jsoup.parseBodyFragment(text).text()
                        : text;
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = false;
        for (int i = 0; i < plain.length(); ) {
            int codePoint = plain.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (Character.isWhitespace(codePoint)
                    || Character.isSpaceChar(codePoint)
                    || type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    static int width(int c) {
        boolean full =
                c >= 0x1100 && c <= 0x115F
                        || c >= 0x2E80 && c <= 0x303E
                        || c >= 0x3041 && c <= 0x33FF
                        || c >= 0x3400 && c <= 0x4DBF
                        || c >= 0x4E00 && c <= 0x9FFF
                        || c >= 0xA000 && c <= 0xA4CF
                        || c >= 0xAC00 && c <= 0xD7A3
                        || c >= 0xF900 && c <= 0xFAFF
                        || c >= 0xFE10 && c <= 0xFE19
                        || c >= 0xFE30 && c <= 0xFE6F
                        || c >= 0xFF00 && c <= 0xFF60
                        || c >= 0xFFE0 && c <= 0xFFE6
                        || c >= 0x1F300 && c <= 0x1F64F
                        || c >= 0x1F900 && c <= 0x1F9FF
                        || c >= 0x20000 && c <= 0x3FFFD;
        return full ? 2 : 1;
    }

    /** The normalised text in pages of the group's lines; one empty page for an empty text. */
    static List<Page> pages(String text, ConsoleProperties.LedPreview group) {
        int capacity = 2 * group.cellsPerLine();
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = new ArrayList<>();
        int used = 0;
        String normalised = normalise(text);
        for (int i = 0; i < normalised.length(); ) {
            int codePoint = normalised.codePointAt(i);
            i += Character.charCount(codePoint);
            int width = width(codePoint);
            if (used + width > capacity && !line.isEmpty()) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            line.add(new Glyph(new String(Character.toChars(codePoint)), width));
            used += width;
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        List<Page> pages = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += group.linesPerPage()) {
            pages.add(
                    new Page(
                            List.copyOf(
                                    lines.subList(
                                            start,
                                            Math.min(
                                                    lines.size(), start + group.linesPerPage())))));
        }
        return pages;
    }

    private LedText() {}
}
