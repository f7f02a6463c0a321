package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;

/**
 * The controller did not take a push: it answered 5xx, could not be reached, or did not answer in
 * time. Worth trying again later; recorded by the controller's circuit breaker.
 */
class HuiduControllerUnavailable extends ProviderUnavailable {

    HuiduControllerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    HuiduControllerUnavailable(String message) {
        super(message);
    }
}
