package cn.college.disclosure.channel.runtime;

import java.util.Optional;

/**
 * Whether the channel is paused after a {@link ChannelParked}: read by whatever shows the channel's
 * state to operators (the channel's {@code /channel/parking} endpoint, later the operator board).
 */
public interface ChannelParking {

    /** The pause in force, or empty while the channel runs. */
    Optional<ParkedChannel> parked();
}
