package cn.college.disclosure.fakes.wechat;

import java.util.Map;

/**
 * The fake API refuses a call with a WeChat error code, as the real one would; some refusals carry
 * more fields (45065 names the original {@code msg_id}).
 */
class WeChatRefusal extends RuntimeException {

    private final int errcode;
    private final Map<String, Object> extra;

    WeChatRefusal(int errcode, String errmsg) {
        this(errcode, errmsg, Map.of());
    }

    WeChatRefusal(int errcode, String errmsg, Map<String, Object> extra) {
        super(errmsg);
        this.errcode = errcode;
        this.extra = Map.copyOf(extra);
    }

    int errcode() {
        return errcode;
    }

    Map<String, Object> extra() {
        return extra;
    }
}
