package cn.college.disclosure.contract;

import org.jspecify.annotations.Nullable;

/**
 * Something a channel could not carry although it delivered the item: an image too large for
 * WeChat, a format the platform refuses, a text cut to fit a screen. The delivery counts; the
 * warning is shown beside it (已发布（有提示）) so that nothing is dropped silently.
 *
 * <p>A warning is a code, not a sentence: publisher-core renders it for people from its message
 * bundle ({@code delivery.warning.<code>}), so that the text is Chinese by default and never the
 * channel's own wording.
 *
 * @param code what happened, lowercase kebab-case and stable, e.g. {@code image-too-large}
 * @param subject what it happened to, e.g. the image's address or the field's name
 */
public record DeliveryWarning(String code, @Nullable String subject) {

    /** An image in the body the channel left out: too large for the provider. */
    public static final String IMAGE_TOO_LARGE = "image-too-large";

    /** An image in the body the channel left out: a type the provider does not take. */
    public static final String IMAGE_TYPE_REFUSED = "image-type-refused";

    /** An image in the body the channel left out: it could not be read from its address. */
    public static final String IMAGE_UNREADABLE = "image-unreadable";

    /**
     * An image in the body the channel left out without reading it: its address is not one of the
     * college's own origins (the channel fetches nothing from addresses a user typed).
     */
    public static final String IMAGE_ORIGIN_REFUSED = "image-origin-refused";

    /**
     * An attachment the channel left out: publisher-core could not serve it (an unknown id, a
     * refused credential, bytes that do not match the reference). An image of the body or the cover
     * that could not be read is {@link #IMAGE_UNREADABLE}.
     */
    public static final String FILE_UNREADABLE = "file-unreadable";

    /** A field the channel shortened to its limit. */
    public static final String TRUNCATED = "truncated";
}
