/**
 * The port every channel service implements: a {@link
 * cn.college.disclosure.channel.runtime.ChannelAdapter} talks to one outside system; the runtime
 * does everything else (consuming, the ledger, retries, the dead-letter topic, reports, metrics).
 */
@NullMarked
package cn.college.disclosure.channel.runtime;

import org.jspecify.annotations.NullMarked;
