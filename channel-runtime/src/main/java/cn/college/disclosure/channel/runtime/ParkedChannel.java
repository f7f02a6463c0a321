package cn.college.disclosure.channel.runtime;

import java.time.Instant;

/**
 * The channel is paused: its listener takes no records and nothing calls the provider.
 *
 * @param reason why, as the adapter gave it
 * @param since when the channel was paused
 * @param until when it resumes by itself
 */
public record ParkedChannel(String reason, Instant since, Instant until) {}
