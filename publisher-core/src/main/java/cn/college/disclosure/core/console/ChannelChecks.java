package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ChannelLimit;
import cn.college.disclosure.contract.ChannelLimits;
import cn.college.disclosure.core.item.ItemService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The editor's live checks: per targeted channel, each hard limit of the contract ({@link
 * ChannelLimits}) with the field's length, as approval will count it (the body after sanitising),
 * and the LED text paged as the preview group shows it. WeChat counts the WeChat title and digest
 * when they are given (its limits apply to them instead of the title and summary), and says which
 * it uses.
 */
@Component
class ChannelChecks {

    private final ItemService items;
    private final ConsoleProperties properties;

    ChannelChecks(ItemService items, ConsoleProperties properties) {
        this.items = items;
        this.properties = properties;
    }

    /**
     * One field against one limit.
     *
     * @param field the item's field, e.g. {@code title}
     * @param length its length in characters (code points)
     */
    record Counter(String field, String providerField, int length, int max) {

        public boolean over() {
            return length > max;
        }

        /** How full the field is, 0 to 100, for the gauge. */
        public int percent() {
            return max == 0 ? 100 : Math.min(100, (int) Math.round(100.0 * length / max));
        }
    }

    /**
     * The checks of one channel.
     *
     * @param targeted whether the item is meant for the channel
     * @param ledPages the LED text's pages, for {@code LED_SCREEN} only
     * @param titleSource the field WeChat's title is taken from ({@code wechatTitle} or {@code
     *     title}), for {@code WECHAT} only
     * @param digestSource the field WeChat's digest is taken from ({@code wechatDigest}, {@code
     *     summary}, or {@code body} when neither is given: WeChat takes the body's start), for
     *     {@code WECHAT} only
     */
    record Check(
            Channel channel,
            boolean targeted,
            List<Counter> counters,
            List<LedText.Page> ledPages,
            @Nullable String ledSource,
            @Nullable String titleSource,
            @Nullable String digestSource) {

        public boolean ok() {
            return counters.stream().noneMatch(Counter::over);
        }

        /** Whether the title the channel uses (WeChat's own or the item's) is over its limit. */
        public boolean titleOver() {
            return counters.stream()
                    .anyMatch(
                            counter ->
                                    counter.over()
                                            && (counter.field().equals("title")
                                                    || counter.field().equals("wechatTitle")));
        }
    }

    List<Check> check(ItemForm form) {
        Set<Channel> targeted = form.getChannels();
        String body = form.getBody() == null ? "" : items.sanitized(form.getBody());
        List<Check> checks = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<Counter> counters = new ArrayList<>();
            boolean wechat = channel == Channel.WECHAT;
            for (ChannelLimit limit : ChannelLimits.of(channel)) {
                String field = limit.field();
                String value =
                        switch (field) {
                            case "title" -> wechat ? form.wechatTitleUsed() : form.getTitle();
                            case "summary" -> wechat ? form.wechatDigestUsed() : form.getSummary();
                            case "body" -> body;
                            case "ledText" -> form.getLedText();
                            case "wechatAuthor" -> form.getWechatAuthor();
                            default -> null;
                        };
                if (wechat && field.equals("title") && form.ownWechatTitle()) {
                    field = "wechatTitle";
                } else if (wechat && field.equals("summary") && form.ownWechatDigest()) {
                    field = "wechatDigest";
                }
                String text = value == null ? "" : value.strip();
                counters.add(
                        new Counter(
                                field,
                                limit.providerField(),
                                text.codePointCount(0, text.length()),
                                limit.maxCharacters()));
            }
            List<LedText.Page> pages = List.of();
            String ledSource = null;
            if (channel == Channel.LED_SCREEN) {
                boolean own = form.getLedText() != null && !form.getLedText().isBlank();
                ledSource = own ? "ledText" : "title";
                String text = own ? form.getLedText() : form.getTitle();
                pages = LedText.pages(text == null ? "" : text, properties.ledPreview());
            }
            String titleSource = null;
            String digestSource = null;
            if (wechat) {
                titleSource = form.ownWechatTitle() ? "wechatTitle" : "title";
                digestSource =
                        form.ownWechatDigest()
                                ? "wechatDigest"
                                : form.getSummary() != null && !form.getSummary().isBlank()
                                        ? "summary"
                                        : "body";
            }
            checks.add(
                    new Check(
                            channel,
                            targeted.contains(channel),
                            counters,
                            pages,
                            ledSource,
                            titleSource,
                            digestSource));
        }
        return checks;
    }
}
