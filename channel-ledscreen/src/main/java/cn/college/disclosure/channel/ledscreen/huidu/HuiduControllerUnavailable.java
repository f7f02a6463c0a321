package cn.college.disclosure.channel.ledscreen.huidu;

/**
 * The controller did not take a push: it answered 5xx, could not be reached, or did not answer in
 * time. Worth trying again later; recorded by the circuit breaker.
 */
class HuiduControllerUnavailable extends RuntimeException {

    HuiduControllerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    HuiduControllerUnavailable(String message) {
        super(message);
    }
}
