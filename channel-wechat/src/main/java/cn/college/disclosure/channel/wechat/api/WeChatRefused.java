package cn.college.disclosure.channel.wechat.api;

import org.jspecify.annotations.Nullable;

/** WeChat answered a call with an error code. */
public class WeChatRefused extends RuntimeException {

    private final int errcode;
    private final String errmsg;
    private final @Nullable String answer;

    public WeChatRefused(String operation, int errcode, String errmsg) {
        this(operation, errcode, errmsg, null);
    }

    public WeChatRefused(String operation, int errcode, String errmsg, @Nullable String answer) {
        super("%s: WeChat errcode %d: %s".formatted(operation, errcode, errmsg));
        this.errcode = errcode;
        this.errmsg = errmsg;
        this.answer = answer;
    }

    /** WeChat's whole answer, where the call kept it (some errors carry more fields). */
    public @Nullable String answer() {
        return answer;
    }

    public int errcode() {
        return errcode;
    }

    public String errmsg() {
        return errmsg;
    }

    public WeChatErrors.Kind kind() {
        return WeChatErrors.classify(errcode);
    }
}
