/**
 * A fake WeChat Official Account API ({@code api.weixin.qq.com}): tokens, materials, drafts, free
 * publishing with the {@code PUBLISHJOBFINISH} callback, mass send; field limits, token expiry, a
 * daily quota; scriptable failures and inspection under {@code /sandbox/wechat}.
 */
@NullMarked
package cn.college.disclosure.fakes.wechat;

import org.jspecify.annotations.NullMarked;
