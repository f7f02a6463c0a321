/**
 * Publishing items as WeChat articles: the {@code ChannelAdapter} (cover, body images, draft,
 * submit, outcome), its step ledger {@code wechat_article}, and the {@code PUBLISHJOBFINISH}
 * callback that settles a pending delivery.
 */
@NullMarked
package cn.college.disclosure.channel.wechat.publishing;

import org.jspecify.annotations.NullMarked;
