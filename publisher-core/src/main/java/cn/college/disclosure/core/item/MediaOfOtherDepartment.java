package cn.college.disclosure.core.item;

import java.util.UUID;

/**
 * An item refers to a file another department uploaded and no approved item uses yet: until it is
 * in the open, only that department may use it.
 */
public class MediaOfOtherDepartment extends RuntimeException {

    private final String field;

    public MediaOfOtherDepartment(String field, UUID mediaId) {
        super("%s: media file %s belongs to another department".formatted(field, mediaId));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
