package cn.college.disclosure.core.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a delivery report that fails to apply is retried before it goes to the dead-letter topic.
 *
 * @param retryInterval the pause between in-process attempts
 * @param retries how many times a failed report is retried (after the first attempt)
 */
@ConfigurationProperties("publisher.delivery-reports")
record DeliveryReportsProperties(
        @DefaultValue("1s") Duration retryInterval, @DefaultValue("2") long retries) {}
