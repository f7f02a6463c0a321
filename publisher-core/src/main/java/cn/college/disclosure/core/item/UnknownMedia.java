package cn.college.disclosure.core.item;

import java.util.UUID;

/** An item refers to a media id that the media store does not have. */
public class UnknownMedia extends RuntimeException {

    private final String field;

    public UnknownMedia(String field, UUID mediaId) {
        super("%s: no media file %s".formatted(field, mediaId));
        this.field = field;
    }

    /** The field that refers to it, e.g. {@code coverImage} or {@code attachments[0].mediaId}. */
    public String field() {
        return field;
    }
}
