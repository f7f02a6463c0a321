package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import cn.college.disclosure.contract.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads the publications topic as the channel's consumer group ({@code channel-website}, ...) and
 * hands each event to {@link ChannelDeliveries}. Requests and retractions share the topic, so an
 * item's retraction is never handled before its publication.
 */
@KafkaListener(id = "#{__listener.listenerId}", topics = Topics.PUBLICATIONS)
class PublicationListener {

    private final ChannelDeliveries deliveries;
    private final ChannelRepairs repairs;

    PublicationListener(ChannelDeliveries deliveries, ChannelRepairs repairs) {
        this.deliveries = deliveries;
        this.repairs = repairs;
    }

    /** The listener id and consumer group: one per channel, stable across releases. */
    public String getListenerId() {
        return deliveries.channel().listenerId();
    }

    @KafkaHandler
    void on(PublicationRequested request) {
        deliveries.deliver(request);
    }

    @KafkaHandler
    void on(PublicationRetracted retraction) {
        deliveries.retract(retraction);
    }

    /** An operator's repair; every channel but the one it names ignores it. */
    @KafkaHandler
    void on(DeliveryRepairRequested repair) {
        repairs.repair(repair);
    }

    @KafkaHandler(isDefault = true)
    void on(Object unexpected) {
        throw new InvalidPublicationEvent(
                "%s does not belong on %s"
                        .formatted(unexpected.getClass().getSimpleName(), Topics.PUBLICATIONS));
    }
}
