package cn.college.disclosure.core.media;

/**
 * The upload's bytes are not of an accepted type (PDF, Word, Excel, PowerPoint, OFD, JPEG, PNG,
 * GIF, WebP), or not of the type its name claims.
 */
public class MediaTypeRefused extends RuntimeException {

    private final String detected;

    MediaTypeRefused(String detected, String reason) {
        super("Refused an upload detected as " + detected + ": " + reason);
        this.detected = detected;
    }

    /** The type the bytes were detected as, e.g. {@code application/x-msdownload}. */
    public String detected() {
        return detected;
    }

    /** The multipart field that was refused. */
    public String field() {
        return MediaService.FIELD;
    }
}
