/**
 * The 企业微信 (WeCom) adapter: items as {@code textcard} application messages ({@code message/send}
 * with the duplicate check on), recalled with {@code message/recall}; the access token shared
 * through the channel's database.
 */
@NullMarked
package cn.college.disclosure.channel.campusplatform.wecom;

import org.jspecify.annotations.NullMarked;
