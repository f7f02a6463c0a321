/**
 * The WeChat Official Account channel: publishes approved items as articles. {@code api} speaks to
 * WeChat (WxJava, the shared access token, error classes), {@code publishing} is the channel
 * adapter, its step ledger and the {@code PUBLISHJOBFINISH} callback, {@code digest} the optional
 * daily mass-sent digest for followers.
 */
@NullMarked
package cn.college.disclosure.channel.wechat;

import org.jspecify.annotations.NullMarked;
