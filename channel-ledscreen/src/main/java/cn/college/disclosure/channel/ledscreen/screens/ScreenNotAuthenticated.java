package cn.college.disclosure.channel.ledscreen.screens;

/** An acknowledgement came without the screen's key, with a wrong one, or for an unknown screen. */
class ScreenNotAuthenticated extends RuntimeException {

    ScreenNotAuthenticated(String screenId) {
        super("屏幕“%s”未出示正确的密钥".formatted(screenId));
    }
}
