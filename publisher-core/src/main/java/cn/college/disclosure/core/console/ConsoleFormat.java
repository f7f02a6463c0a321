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

    /**
     * A fresh id for one rendered form ({@code requestId}), so that submitting that form twice is
     * recognised as one request.
     */
    public String requestId() {
        return UUID.randomUUID().toString();
    }
}
