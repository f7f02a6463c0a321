package cn.college.disclosure.core.item;

import java.util.UUID;

/** An item uses a media file as the cover or in the body that is not an image. */
public class MediaNotAnImage extends RuntimeException {

    private final String field;

    public MediaNotAnImage(String field, UUID mediaId, String contentType) {
        super("%s: media file %s is %s, not an image".formatted(field, mediaId, contentType));
        this.field = field;
    }

    /** {@code coverImage} or {@code body}. */
    public String field() {
        return field;
    }
}
