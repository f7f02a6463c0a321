package cn.college.disclosure.core.item;

/**
 * An item's body shows an image from an address that is not one of the college's own origins
 * ({@code publisher.items.image-origins}): WeChat's channel would have to fetch it from anywhere.
 */
public class ImageFromOtherOrigin extends RuntimeException {

    private final String source;

    public ImageFromOtherOrigin(String source) {
        super("The image " + source + " is not on one of the college's own sites");
        this.source = source;
    }

    public String field() {
        return "body";
    }

    /** The refused {@code src}. */
    public String source() {
        return source;
    }
}
