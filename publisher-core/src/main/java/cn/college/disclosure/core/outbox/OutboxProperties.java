package cn.college.disclosure.core.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay and the purge of sent rows.
 *
 * @param pollInterval the pause between the end of one batch and the start of the next
 * @param batchSize the most rows sent per batch
 * @param sendTimeout how long the relay waits for the broker's acknowledgement of one record;
 *     longer than the producer's {@code delivery.timeout.ms}, so that a send is either acknowledged
 *     or failed by then and never left in doubt
 * @param enabled whether this instance runs the relay at all (of several instances, one relays at a
 *     time anyway)
 * @param retention how long a sent row is kept before the purge deletes it
 * @param purgeInterval how often the purge runs (on one instance at a time)
 */
@ConfigurationProperties("publisher.outbox")
record OutboxProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {}
