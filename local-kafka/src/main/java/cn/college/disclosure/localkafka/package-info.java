/** A real single-node Kafka broker (KRaft combined mode) for tests and the local stack. */
@NullMarked
package cn.college.disclosure.localkafka;

import org.jspecify.annotations.NullMarked;
