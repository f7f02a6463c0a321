package cn.college.disclosure.channel.wechat.api;

/** WeChat answered a call with an error code. */
public class WeChatRefused extends RuntimeException {

    private final int errcode;
    private final String errmsg;

    public WeChatRefused(String operation, int errcode, String errmsg) {
        super("%s: WeChat errcode %d: %s".formatted(operation, errcode, errmsg));
        this.errcode = errcode;
        this.errmsg = errmsg;
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
