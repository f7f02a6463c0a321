/**
 * The WeChat channel: articles on the college's WeChat Official Account, through WxJava. Not built
 * yet: there is deliberately no {@code ChannelAdapter} here, so nothing pretends to deliver; see
 * the module's README.
 */
@NullMarked
package cn.college.disclosure.channel.wechat;

import org.jspecify.annotations.NullMarked;
