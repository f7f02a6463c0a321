package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.ChannelStatusReported;
import cn.college.disclosure.contract.Topics;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the channels' status reports into {@link ChannelStatuses}. The topic is compacted, so a new
 * consumer group starts from each instance's latest report.
 */
@Component
class ChannelStatusListener {

    private final ChannelStatuses statuses;
    private final Clock clock;

    ChannelStatusListener(ChannelStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    @KafkaListener(
            id = "publisher-core-channel-status",
            topics = Topics.CHANNEL_STATUS,
            properties = "auto.offset.reset=earliest")
    void on(ChannelStatusReported report) {
        statuses.record(report, clock.instant());
    }
}
