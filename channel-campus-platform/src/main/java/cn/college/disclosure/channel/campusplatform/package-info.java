/**
 * The campus-platform channel: signed, idempotent webhooks to the campus information platform. Not
 * built yet: there is deliberately no {@code ChannelAdapter} here, so nothing pretends to deliver;
 * see the module's README.
 */
@NullMarked
package cn.college.disclosure.channel.campusplatform;

import org.jspecify.annotations.NullMarked;
