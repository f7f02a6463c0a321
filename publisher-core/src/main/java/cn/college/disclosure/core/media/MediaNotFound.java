package cn.college.disclosure.core.media;

import java.util.UUID;

/** No file has the id. */
public class MediaNotFound extends RuntimeException {

    private final UUID id;

    MediaNotFound(UUID id) {
        super("No media " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
