/**
 * The smart-campus platform channel: puts approved items on the college's campus service platform.
 * {@code webhook} is the built-in adapter (Standard Webhooks), {@code wecom} the 企业微信 one, chosen
 * by {@code channel.campus-platform.adapter}; {@code resilience} keeps both from flooding a
 * provider that is down.
 */
@NullMarked
package cn.college.disclosure.channel.campusplatform;

import org.jspecify.annotations.NullMarked;
