/**
 * The transactional outbox: item events become contract events in the item's transaction, and a
 * relay sends them to Kafka.
 */
@NullMarked
package cn.college.disclosure.core.outbox;

import org.jspecify.annotations.NullMarked;
