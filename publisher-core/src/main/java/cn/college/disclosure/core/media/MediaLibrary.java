package cn.college.disclosure.core.media;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The media store as the rest of publisher-core sees it: items look up the files they refer to
 * here. Uploads and downloads go through {@code /api/media}.
 */
public interface MediaLibrary {

    /** The file with the id, if there is one. */
    Optional<MediaFile> find(UUID id);

    /**
     * The file's address on this service's API, {@code <publisher.media.api-url>api/media/<id>},
     * where the channels read it with their service credential.
     */
    URI apiUrl(UUID id);
}
