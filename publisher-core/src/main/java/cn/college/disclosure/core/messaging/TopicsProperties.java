package cn.college.disclosure.core.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics the core declares at start-up (existing topics are left as they are).
 *
 * @param partitions partitions of each topic; per-item order holds for any number
 * @param replicas replication factor; 1 for a single local broker
 */
@ConfigurationProperties("publisher.topics")
record TopicsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {}
