package cn.college.disclosure.core.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator board.
 *
 * @param statusStaleAfter a channel whose latest status report is older than this shows as down;
 *     three times the channels' {@code channel.runtime.status.interval}
 * @param lagCacheFor how long a consumer-lag reading is reused before Kafka is asked again
 * @param adminTimeout how long a consumer-lag reading may take before it is given up (lag unknown)
 */
@ConfigurationProperties("publisher.operations")
record OperationsProperties(
        @DefaultValue("15s") Duration statusStaleAfter,
        @DefaultValue("5s") Duration lagCacheFor,
        @DefaultValue("3s") Duration adminTimeout) {}
