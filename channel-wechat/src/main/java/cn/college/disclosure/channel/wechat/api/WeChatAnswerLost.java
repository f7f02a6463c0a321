package cn.college.disclosure.channel.wechat.api;

/**
 * A call that makes something on WeChat ({@code draft/add}, {@code freepublish/submit}) may have
 * been applied, but its answer was lost (the connection dropped or timed out after the request was
 * sent). Not a transient failure on purpose: the runtime's retry starts by asking WeChat ({@code
 * reconcile}), never by calling again.
 */
public class WeChatAnswerLost extends RuntimeException {

    public WeChatAnswerLost(WeChatUnreachable cause) {
        super(cause.getMessage() + "; WeChat may have applied it", cause);
    }
}
