package cn.college.disclosure.channel.ledscreen.feed;

import java.time.Instant;
import java.util.List;

/**
 * A group's feed as screens get it.
 *
 * @param version moves whenever the messages change; screens acknowledge it
 * @param generatedAt when this version was computed
 * @param messages what the screens show, in play order
 */
public record GroupFeed(
        String group, long version, Instant generatedAt, List<FeedMessage> messages) {

    /** The entity tag of this version: weak, because {@code generatedAt} is not part of it. */
    String etag() {
        return "W/\"" + group + "-" + version + "\"";
    }

    /** Whether an {@code If-None-Match} header names this version. */
    boolean matches(String ifNoneMatch) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*")
                    || candidate.equals(etag())
                    || ("W/" + candidate).equals(etag())) {
                return true;
            }
        }
        return false;
    }
}
