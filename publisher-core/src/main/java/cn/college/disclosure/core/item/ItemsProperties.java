package cn.college.disclosure.core.item;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what liaisons submit.
 *
 * @param maxBodySize the largest body accepted, measured as UTF-8 after sanitising
 */
@ConfigurationProperties("publisher.items")
record ItemsProperties(@DefaultValue("200KB") DataSize maxBodySize) {}
