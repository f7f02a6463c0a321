package cn.college.disclosure.fakes.wechat;

/** The fake API refuses a call with a WeChat error code, as the real one would. */
class WeChatRefusal extends RuntimeException {

    private final int errcode;

    WeChatRefusal(int errcode, String errmsg) {
        super(errmsg);
        this.errcode = errcode;
    }

    int errcode() {
        return errcode;
    }
}
