package cn.college.disclosure.core.media;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Makes an uploaded file's name safe to show and to offer as a download name. The result is never
 * used as a path: the stores name files by their SHA-256.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {}

    /**
     * The name without directories ({@code /} or {@code \}), control and format characters (such as
     * the right-to-left override that makes {@code exe.pdf} look like {@code fdp.exe}), dot runs
     * ({@code ..}), leading dots and trailing dots or spaces, at most {@link #MAX_LENGTH}
     * characters with its extension kept. Chinese and other letters stay as they are.
     *
     * @param fallbackExtension the extension of a name made up when nothing is left
     */
    static String safe(@Nullable String original, String fallbackExtension) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
        name = name.replaceAll("\\.{2,}", ".");
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return "file." + fallbackExtension;
        }
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 11 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
    }
}
