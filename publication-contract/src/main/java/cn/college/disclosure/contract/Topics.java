package cn.college.disclosure.contract;

/**
 * The Kafka topics of the pipeline. Every record about an item is keyed by the item id. Requests
 * and retractions share one topic so that one item's retraction can never overtake its publication.
 */
public final class Topics {

    /**
     * {@link PublicationRequested}, {@link PublicationRetracted} and {@link
     * DeliveryRepairRequested}, from publisher-core.
     */
    public static final String PUBLICATIONS = "publication-events";

    /**
     * Records of {@link #PUBLICATIONS} that a channel could not read or could not deliver after its
     * retries; the header {@code kafka_dlt-original-consumer-group} names the channel.
     */
    public static final String PUBLICATIONS_DEAD_LETTER = PUBLICATIONS + "-dlt";

    /** {@link DeliveryReported}, from every channel. */
    public static final String DELIVERY_REPORTS = "delivery-reports";

    /**
     * {@link ChannelStatusReported}, from every channel service; compacted, keyed by {@link
     * ChannelStatusReported#key()} (channel and instance), not by an item.
     */
    public static final String CHANNEL_STATUS = "channel-status";

    private Topics() {}
}
