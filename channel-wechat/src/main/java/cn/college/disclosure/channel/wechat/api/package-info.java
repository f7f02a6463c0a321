/**
 * Talking to WeChat: {@link cn.college.disclosure.channel.wechat.api.WeChatApiClient} over WxJava
 * with the host configurable, the access token shared by every instance through PostgreSQL ({@code
 * AccessTokens}), what each error code means for a delivery ({@code WeChatErrors}), and the one
 * guard of {@code wechat-api} every call goes through ({@code WeChatCalls}).
 */
@NullMarked
package cn.college.disclosure.channel.wechat.api;

import org.jspecify.annotations.NullMarked;
