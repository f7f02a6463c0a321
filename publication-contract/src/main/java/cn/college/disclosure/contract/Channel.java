package cn.college.disclosure.contract;

/** A channel an approved item is published to. The names are the wire names. */
public enum Channel {
    WEBSITE,
    WECHAT,
    LED_SCREEN,
    CAMPUS_PLATFORM;

    /**
     * The stable id of this channel's Kafka listener and consumer group, e.g. {@code
     * channel-website}.
     */
    public String listenerId() {
        return "channel-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
