package cn.college.disclosure.channel.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channel's status reports on {@code channel-status}, which the operator board reads; a channel
 * that stops reporting shows as down there.
 *
 * @param enabled whether the service reports its status
 * @param interval how often a report is sent when nothing changes; a change (paused, resumed,
 *     circuit breaker) is sent within a second
 * @param instance the name of this process in the reports; host name and process id when unset
 */
@ConfigurationProperties("channel.runtime.status")
public record ChannelStatusProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @Nullable String instance) {}
