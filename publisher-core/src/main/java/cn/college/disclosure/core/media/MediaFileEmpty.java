package cn.college.disclosure.core.media;

/** The upload had no bytes. */
public class MediaFileEmpty extends RuntimeException {

    MediaFileEmpty() {
        super("The uploaded file is empty");
    }

    /** The multipart field that was empty. */
    public String field() {
        return MediaService.FIELD;
    }
}
