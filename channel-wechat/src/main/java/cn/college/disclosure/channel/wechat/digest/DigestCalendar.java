package cn.college.disclosure.channel.wechat.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The digest's days and times in the configured zone (China time by default): one digest per day,
 * due from the send time on, named after its day so the id (the {@code clientmsgid}) is stable.
 */
record DigestCalendar(LocalTime sendAt, ZoneId zone) {

    LocalDate day(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    Instant sendTime(LocalDate day) {
        return day.atTime(sendAt).atZone(zone).toInstant();
    }

    /** Whether the digest of {@code now}'s day is due. */
    boolean due(Instant now) {
        return !now.isBefore(sendTime(day(now)));
    }

    /** The first send time after {@code now}: where a digest refused for the day waits. */
    Instant nextSendTime(Instant now) {
        Instant today = sendTime(day(now));
        return now.isBefore(today) ? today : sendTime(day(now).plusDays(1));
    }

    /** Midnight after {@code now}, when WeChat's daily API quota (45009) starts again. */
    Instant nextMidnight(Instant now) {
        return day(now).plusDays(1).atStartOfDay(zone).toInstant();
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    static String id(LocalDate day) {
        return "digest-" + day;
    }
}
