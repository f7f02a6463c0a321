package cn.college.disclosure.core.item;

import java.util.UUID;

/** An item lists the same file twice among its attachments. */
public class AttachmentRepeated extends RuntimeException {

    private final String field;

    public AttachmentRepeated(String field, UUID mediaId) {
        super("%s: media file %s is attached twice".formatted(field, mediaId));
        this.field = field;
    }

    /** The second mention, {@code attachments[i].mediaId}. */
    public String field() {
        return field;
    }
}
