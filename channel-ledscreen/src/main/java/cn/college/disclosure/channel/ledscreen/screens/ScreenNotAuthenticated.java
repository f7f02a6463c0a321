package cn.college.disclosure.channel.ledscreen.screens;

/** An acknowledgement came without the screen's key, with a wrong one, or for an unknown screen. */
class ScreenNotAuthenticated extends RuntimeException {

    ScreenNotAuthenticated(String screenId) {
        super("screen '%s' did not present its key".formatted(screenId));
    }
}
