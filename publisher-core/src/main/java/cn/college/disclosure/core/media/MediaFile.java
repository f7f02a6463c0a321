package cn.college.disclosure.core.media;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file in the media store, as uploaded: immutable, its bytes content-addressed by {@link
 * #sha256()}.
 *
 * @param id the media id, {@code /api/media/{id}}
 * @param sha256 the SHA-256 of the bytes, lowercase hex
 * @param size the size in bytes
 * @param contentType the type detected from the bytes (never from the name)
 * @param fileName the original name made safe: no directories, no control characters, at most 200
 *     characters; for display and download only, never a path
 * @param department the uploader's department; absent for an admin's upload
 * @param uploadedBy the uploader's user name
 * @param uploadedAt when it was uploaded
 */
public record MediaFile(
        UUID id,
        String sha256,
        long size,
        String contentType,
        String fileName,
        @Nullable String department,
        String uploadedBy,
        Instant uploadedAt) {

    /** Whether it is an image (JPEG, PNG, GIF or WebP): usable as a cover or in the body. */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
