package cn.college.disclosure.core.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats for the templates ({@code ${@consoleFormat.time(at)}}): times in China time, which is
 * what the office reads, whatever the server's zone.
 */
@Component("consoleFormat")
class ConsoleFormat {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CHINA);

    public String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public String shortTime(@Nullable Instant at) {
        return at == null ? "—" : SHORT.format(at);
    }

    public String day(@Nullable LocalDate day) {
        return day == null ? "—" : day.toString();
    }

    /** A file's size as people read it: 980 B, 12.3 KB, 4.5 MB. */
    public String size(@Nullable Long bytes) {
        if (bytes == null) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A file's type as people name it (PDF, Word, Excel, OFD, JPEG, ...) from its media type. */
    public String fileType(@Nullable String contentType) {
        if (contentType == null) {
            return "—";
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.contains("pdf")) {
            return "PDF";
        }
        if (type.contains("msword") || type.contains("wordprocessingml")) {
            return "Word";
        }
        if (type.contains("ms-excel") || type.contains("spreadsheetml")) {
            return "Excel";
        }
        if (type.contains("ms-powerpoint") || type.contains("presentationml")) {
            return "PowerPoint";
        }
        if (type.contains("ofd")) {
            return "OFD";
        }
        if (type.startsWith("image/")) {
            return type.substring("image/".length()).toUpperCase(java.util.Locale.ROOT);
        }
        return contentType;
    }

    /** Where the console reads a file of the media store: {@code /api/media/{id}}. */
    public String mediaUrl(@Nullable Object id) {
        return id == null ? "" : "/api/media/" + id;
    }

    /**
     * A fresh id for one rendered form ({@code requestId}), so that submitting that form twice is
     * recognised as one request.
     */
    public String requestId() {
        return UUID.randomUUID().toString();
    }
}
