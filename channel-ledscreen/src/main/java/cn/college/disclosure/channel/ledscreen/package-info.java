/**
 * The LED-screen channel: short texts on the campus screens, one feed per screen group, delivery
 * counted when a screen acknowledges a feed version that contains the message.
 */
@NullMarked
package cn.college.disclosure.channel.ledscreen;

import org.jspecify.annotations.NullMarked;
