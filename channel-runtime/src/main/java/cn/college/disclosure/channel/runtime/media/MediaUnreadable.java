package cn.college.disclosure.channel.runtime.media;

/**
 * The core answered, but not with the file the record refers to: it does not know the id, refused
 * the channel's credential, or sent bytes whose size or SHA-256 differ. Retrying does not help; the
 * channel leaves the file out with a warning or fails the delivery.
 */
public class MediaUnreadable extends RuntimeException {

    public MediaUnreadable(String message) {
        super(message);
    }
}
