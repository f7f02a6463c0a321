package cn.college.disclosure.contract;

import java.net.URI;
import java.util.UUID;

/**
 * A file in publisher-core's media store that a publication refers to: an attachment, the cover or
 * an image of the body. Records carry the reference, never the bytes; a channel that needs the
 * bytes reads them from the core by {@link #id()} with its own service credential (from the core
 * address it is configured with, never from an address in a record) and checks them against {@link
 * #sha256()}.
 *
 * @param id the media id ({@code GET /api/media/{id}} on the core)
 * @param sha256 the SHA-256 of the bytes, lowercase hex: files are content-addressed and immutable
 * @param size the size in bytes
 * @param contentType the type detected from the bytes, e.g. {@code application/pdf}
 * @param fileName the original name, made safe for display and for a URL path segment (no
 *     directories, no control characters); never used as a path on its own
 * @param url the file on the core's API, for channels reading with their credential
 * @param publicUrl where the website channel serves its copy ({@link WebsitePaths#file}), the
 *     address every other channel links to
 */
public record MediaReference(
        UUID id,
        String sha256,
        long size,
        String contentType,
        String fileName,
        URI url,
        URI publicUrl) {

    /** Whether the file is an image (JPEG, PNG, GIF or WebP). */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
