package cn.college.disclosure.channel.runtime.scheduling;

import java.util.List;

/**
 * Jobs whose number comes from configuration (one per screen controller, say): declare a bean of
 * this type instead of one {@link ChannelJob} bean each.
 */
@FunctionalInterface
public interface ChannelJobSource {

    /** The jobs, each scheduled as if it were a bean of its own. */
    List<ChannelJob> jobs();
}
