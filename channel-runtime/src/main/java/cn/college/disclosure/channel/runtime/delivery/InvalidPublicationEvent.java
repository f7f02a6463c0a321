package cn.college.disclosure.channel.runtime.delivery;

/**
 * A record was read but is not a usable event (a required field is missing, or it is an event this
 * topic does not carry). Retrying cannot help: it goes to the dead-letter topic at once.
 */
class InvalidPublicationEvent extends RuntimeException {

    InvalidPublicationEvent(String message) {
        super(message);
    }
}
