package cn.college.disclosure.contract;

/**
 * A hard limit of a channel on one field of an item: the provider refuses content over it, so
 * publisher-core refuses to approve such an item for that channel (HTTP 422) instead of letting it
 * fail later.
 *
 * @param channel the channel whose provider sets the limit
 * @param field the item's field, as named in the REST API ({@code title}, {@code summary}, {@code
 *     body})
 * @param maxCharacters the most characters the provider accepts, counted as Java code points
 * @param providerField the provider's own name for the field, for the error message
 */
public record ChannelLimit(Channel channel, String field, int maxCharacters, String providerField) {

    /** Whether the value fits. */
    public boolean admits(String value) {
        return value.codePointCount(0, value.length()) <= maxCharacters;
    }
}
