/**
 * Kafka wiring shared by the outbox relay and the delivery-report listener: serialisation, topics,
 * error handling.
 */
@NullMarked
package cn.college.disclosure.core.messaging;

import org.jspecify.annotations.NullMarked;
