package cn.college.disclosure.channel.wechat.api;

/**
 * No answer came from WeChat. {@link #mayHaveApplied()} tells whether the request may have reached
 * it (the connection dropped or timed out after sending) or certainly did not (refused connection,
 * an HTTP error status).
 */
public class WeChatUnreachable extends RuntimeException {

    private final boolean mayHaveApplied;

    public WeChatUnreachable(String operation, Throwable cause, boolean mayHaveApplied) {
        super("%s: no answer from WeChat: %s".formatted(operation, cause.toString()), cause);
        this.mayHaveApplied = mayHaveApplied;
    }

    public boolean mayHaveApplied() {
        return mayHaveApplied;
    }
}
