/**
 * The wire format of a channel service: Spring Kafka's Jackson 3 serializer and deserializer with
 * the contract's logical type ids, configured once for the listener, the reports and the
 * dead-letter topic.
 */
@NullMarked
package cn.college.disclosure.channel.runtime.wire;

import org.jspecify.annotations.NullMarked;
