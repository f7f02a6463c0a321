package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.ChannelLimit;

/** A targeted channel's provider would refuse the item: a field is over its hard limit. */
public class ChannelLimitExceeded extends RuntimeException {

    private final ChannelLimit limit;

    public ChannelLimitExceeded(ChannelLimit limit, int actualCharacters) {
        super(
                "%s accepts at most %d characters in %s (its %s); the item has %d"
                        .formatted(
                                limit.channel(),
                                limit.maxCharacters(),
                                limit.field(),
                                limit.providerField(),
                                actualCharacters));
        this.limit = limit;
    }

    public ChannelLimit limit() {
        return limit;
    }
}
