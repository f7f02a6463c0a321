package cn.college.disclosure.channel.ledscreen.feed;

/** A feed or acknowledgement named a screen group that is not configured. */
public class ScreenGroupNotConfigured extends RuntimeException {

    public ScreenGroupNotConfigured(String group) {
        super("未配置屏幕组“%s”".formatted(group));
    }
}
