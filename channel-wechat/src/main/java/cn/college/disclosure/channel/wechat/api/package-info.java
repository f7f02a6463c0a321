/**
 * Talking to WeChat: {@link cn.college.disclosure.channel.wechat.api.WeChatApiClient} over WxJava
 * with the host configurable, the access token shared by every instance through PostgreSQL ({@code
 * AccessTokens}), and what each error code means for a delivery ({@code WeChatErrors}).
 */
@NullMarked
package cn.college.disclosure.channel.wechat.api;

import org.jspecify.annotations.NullMarked;
