package cn.college.disclosure.channel.ledscreen.feed;

/** A screen acknowledged a feed version its group's feed never had. */
public class FeedVersionNeverServed extends RuntimeException {

    FeedVersionNeverServed(String group, long version, long current) {
        super(
                "feed version %d of group %s was never served; the current version is %d"
                        .formatted(version, group, current));
    }
}
