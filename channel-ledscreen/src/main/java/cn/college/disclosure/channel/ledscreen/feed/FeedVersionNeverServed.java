package cn.college.disclosure.channel.ledscreen.feed;

/** A screen acknowledged a feed version its group's feed never had. */
public class FeedVersionNeverServed extends RuntimeException {

    FeedVersionNeverServed(String group, long version, long current) {
        super("屏幕组%2$s从未发出第 %1$d 版节目单，当前为第 %3$d 版".formatted(version, group, current));
    }
}
