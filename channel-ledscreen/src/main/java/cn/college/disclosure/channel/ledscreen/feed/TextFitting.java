package cn.college.disclosure.channel.ledscreen.feed;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties.DisplayMode;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Fits a text to a group's panel. Capacity is measured in half cells: a full-width character (CJK,
 * kana, Hangul, full-width forms) takes a square cell of the font size, any other character half of
 * one, so a line holds {@code 2 × floor(width / fontSize)} half cells.
 *
 * <p>Fitting never loses or reorders a character of the normalised text: the pages' lines, read in
 * order, are the normalised text. A line is broken between characters, never inside one (surrogate
 * pairs stay whole).
 */
final class TextFitting {

    /**
     * The text as a panel can show it: markup removed (entities decoded), control and format
     * characters turned into spaces, every run of whitespace (including the ideographic space) made
     * one ASCII space, trimmed.
     */
    static String normalise(String text) {
        String plain = text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? stripMarkup(text) : text;
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = false;
        for (int i = 0; i < plain.length(); ) {
            int codePoint = plain.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isBlank(codePoint)) {
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

    private static String stripMarkup(String text) {
        // block elements and <br> separate words; jsoup's text() turns them into spaces
        return Jsoup.parseBodyFragment(text).text();
    }

    private static boolean isBlank(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE;
    }

    /** Half cells the character takes: 2 for full-width, 1 for anything else. */
    static int width(int codePoint) {
        return isFullWidth(codePoint) ? 2 : 1;
    }

    /** Half cells the text takes on one line. */
    static int width(String text) {
        return text.codePoints().map(TextFitting::width).sum();
    }

    /** East Asian Wide and Fullwidth ranges (UAX #11), and the emoji blocks screens draw wide. */
    private static boolean isFullWidth(int c) {
        return c >= 0x1100 && c <= 0x115F // Hangul Jamo initials
                || c >= 0x2E80 && c <= 0x303E // CJK radicals, Kangxi, CJK symbols and punctuation
                || c >= 0x3041 && c <= 0x33FF // kana, bopomofo, Hangul compatibility, CJK compat
                || c >= 0x3400 && c <= 0x4DBF // CJK extension A
                || c >= 0x4E00 && c <= 0x9FFF // CJK unified ideographs
                || c >= 0xA000 && c <= 0xA4CF // Yi
                || c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
                || c >= 0xF900 && c <= 0xFAFF // CJK compatibility ideographs
                || c >= 0xFE10 && c <= 0xFE19 // vertical forms
                || c >= 0xFE30 && c <= 0xFE6F // CJK compatibility forms, small form variants
                || c >= 0xFF00 && c <= 0xFF60 // full-width forms
                || c >= 0xFFE0 && c <= 0xFFE6 // full-width signs
                || c >= 0x1F300 && c <= 0x1F64F // pictographs, emoticons
                || c >= 0x1F900 && c <= 0x1F9FF // supplemental pictographs
                || c >= 0x20000 && c <= 0x3FFFD; // CJK extensions B and later
    }

    /**
     * Fits normalised text to the group: one static page when it fits, else the group's mode —
     * pages of at most {@code linesPerPage} lines (lines joined with {@code \n}), or one scrolling
     * line. A group whose mode is {@code static} pages text that does not fit.
     */
    static Fitted fit(String normalised, Group group) {
        int capacity = 2 * group.cellsPerLine();
        List<String> lines = lines(normalised, capacity);
        if (lines.size() <= group.linesPerPage()) {
            return new Fitted(DisplayMode.STATIC, List.of(String.join("\n", lines)));
        }
        if (group.mode() == DisplayMode.SCROLL) {
            return new Fitted(DisplayMode.SCROLL, List.of(normalised));
        }
        List<String> pages = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += group.linesPerPage()) {
            int end = Math.min(lines.size(), start + group.linesPerPage());
            pages.add(String.join("\n", lines.subList(start, end)));
        }
        return new Fitted(DisplayMode.PAGE, List.copyOf(pages));
    }

    /** Greedy line breaking: each line takes as many whole characters as fit its capacity. */
    static List<String> lines(String text, int capacity) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            int width = width(codePoint);
            if (used + width > capacity && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(codePoint);
            used += width;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Text fitted to a panel.
     *
     * @param mode how the pages are shown
     * @param pages the pages; a page's lines are separated by {@code \n}; a scroll is one page of
     *     one line
     */
    record Fitted(DisplayMode mode, List<String> pages) {}

    private TextFitting() {}
}
