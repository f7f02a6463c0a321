package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' overview: per channel, how many deliveries (one per item version) are in each
 * status, and when the channel last delivered.
 */
@RestController
class ChannelsController {

    private final Deliveries deliveries;

    ChannelsController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * @param counts every status, zero included
     * @param lastDeliveredAt when the latest DELIVERED report occurred; absent if none
     */
    record ChannelOverview(
            Channel channel, Map<DeliveryStatus, Long> counts, @Nullable Instant lastDeliveredAt) {}

    @GetMapping("/api/channels")
    List<ChannelOverview> channels() {
        Map<Channel, Map<DeliveryStatus, Long>> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Map<DeliveryStatus, Long> zero = new EnumMap<>(DeliveryStatus.class);
            Arrays.stream(DeliveryStatus.values()).forEach(status -> zero.put(status, 0L));
            counts.put(channel, zero);
        }
        deliveries
                .countByChannelAndStatus()
                .forEach(row -> counts.get(row.channel()).put(row.status(), row.count()));
        Map<Channel, Instant> last = new EnumMap<>(Channel.class);
        deliveries
                .lastDeliveries()
                .forEach(
                        row -> {
                            if (row.at() != null) {
                                last.put(row.channel(), row.at());
                            }
                        });
        return Arrays.stream(Channel.values())
                .map(
                        channel ->
                                new ChannelOverview(
                                        channel, counts.get(channel), last.get(channel)))
                .toList();
    }
}
