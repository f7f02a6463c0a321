/**
 * A fake 企业微信 server API under {@code /wecom/cgi-bin}: {@code gettoken}, {@code message/send}
 * (textcard, invalid recipients, the duplicate check) and {@code message/recall}; token expiry,
 * scriptable failures and inspection under {@code /sandbox/wecom}.
 */
@NullMarked
package cn.college.disclosure.fakes.wecom;

import org.jspecify.annotations.NullMarked;
