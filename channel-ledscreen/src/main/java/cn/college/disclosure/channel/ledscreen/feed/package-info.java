/**
 * The screen-group feeds: the {@code ChannelAdapter} that puts an item's text into every group's
 * feed, the text fitting, the messages and feed versions kept in the channel schema, and the feeds
 * served as JSON, plain text and an HTML ticker.
 */
@NullMarked
package cn.college.disclosure.channel.ledscreen.feed;

import org.jspecify.annotations.NullMarked;
