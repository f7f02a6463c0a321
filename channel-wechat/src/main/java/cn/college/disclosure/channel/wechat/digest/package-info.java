/**
 * Digest mode: once a day the approved items go into one multi-article draft that is mass-sent to
 * every follower ({@code message/mass/sendall}, {@code clientmsgid} = the digest id), recorded in
 * {@code wechat_digest} before WeChat is called and shown at {@code GET /wechat/digests}.
 */
@NullMarked
package cn.college.disclosure.channel.wechat.digest;

import org.jspecify.annotations.NullMarked;
