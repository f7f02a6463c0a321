package cn.college.disclosure.core.media;

/** The upload was larger than {@code publisher.media.max-size}. */
public class MediaFileTooLarge extends RuntimeException {

    private final long limitBytes;

    MediaFileTooLarge(long limitBytes) {
        super("The uploaded file is larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    /** The most bytes a file may have. */
    public long limitBytes() {
        return limitBytes;
    }

    /** The multipart field that was too large. */
    public String field() {
        return MediaService.FIELD;
    }
}
