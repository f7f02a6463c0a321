/**
 * Delivering publications to one channel: the Kafka listener, the delivery ledger that makes every
 * push happen at most once per (item, version), retries and the dead-letter topic, delivery reports
 * and metrics.
 */
@NullMarked
package cn.college.disclosure.channel.runtime.delivery;

import org.jspecify.annotations.NullMarked;
