package cn.college.disclosure.channel.wechat.api;

import java.io.IOException;
import java.time.Duration;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;

/**
 * WxJava's service with two policies replaced: the access token comes from {@link AccessTokens}
 * (shared by every instance through PostgreSQL) instead of the JVM, and a failing call is not
 * retried in place (WxJava sleeps and retries errcode -1 five times): the channel runtime's backoff
 * is the only retry. A token error (40001/40014/42001) still invalidates the token that failed
 * (compare-and-set) and retries the call once.
 */
class TokenSharingWxMpService extends WxMpServiceImpl {

    private final AccessTokens tokens;

    TokenSharingWxMpService(AccessTokens tokens) {
        this.tokens = tokens;
        tokens.fetchWith(this::fetch);
    }

    @Override
    public String getAccessToken(boolean forceRefresh) {
        return tokens.current();
    }

    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data)
            throws WxErrorException {
        return executeInternal(executor, uri, data, false);
    }

    @Override
    protected <T, E> T executeInternal(
            RequestExecutor<T, E> executor, String uri, E data, boolean doNotAutoRefresh)
            throws WxErrorException {
        String token = tokens.current();
        String withToken = uri + (uri.contains("?") ? "&" : "?") + "access_token=" + token;
        try {
            return executor.execute(withToken, data, WxType.MP);
        } catch (WxErrorException e) {
            WxError error = e.getError();
            if (error != null
                    && WeChatErrors.TOKEN_CODES.contains(error.getErrorCode())
                    && !doNotAutoRefresh) {
                tokens.invalidate(token);
                return executeInternal(executor, uri, data, true);
            }
            throw e;
        } catch (IOException e) {
            throw new WxErrorException(e);
        }
    }

    private AccessTokens.Fetched fetch(boolean forceRefresh) {
        String answer;
        try {
            answer = doGetStableAccessTokenRequest(forceRefresh);
        } catch (IOException e) {
            throw new WeChatUnreachable("stable_token", e, false);
        }
        WxError error = WxError.fromJson(answer, WxType.MP);
        if (error.getErrorCode() != 0) {
            throw new WeChatRefused("stable_token", error.getErrorCode(), error.getErrorMsg());
        }
        WxAccessToken token = WxAccessToken.fromJson(answer);
        return new AccessTokens.Fetched(
                token.getAccessToken(), Duration.ofSeconds(token.getExpiresIn()));
    }
}
