package cn.college.disclosure.contract;

import org.jspecify.annotations.Nullable;

/**
 * A file attached to a publication (a PDF of the 招生章程, a budget spreadsheet), listed under the body
 * on every channel that can carry it.
 *
 * @param file the file
 * @param title what the liaison called it; the file's name when absent
 */
public record Attachment(MediaReference file, @Nullable String title) {

    /** The title people see: the liaison's, or the file's name. */
    public String displayTitle() {
        return title == null || title.isBlank() ? file.fileName() : title;
    }
}
