/**
 * The LED-screen channel: short texts on the campus screens, confirmed by each screen's
 * acknowledgement. Not built yet: there is deliberately no {@code ChannelAdapter} here, so nothing
 * pretends to deliver; see the module's README.
 */
@NullMarked
package cn.college.disclosure.channel.ledscreen;

import org.jspecify.annotations.NullMarked;
