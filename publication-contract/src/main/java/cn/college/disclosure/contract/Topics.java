package cn.college.disclosure.contract;

/**
 * The Kafka topics of the pipeline. Every record is keyed by the item id. Requests and retractions
 * share one topic so that one item's retraction can never overtake its publication.
 */
public final class Topics {

    /** {@link PublicationRequested} and {@link PublicationRetracted}, from publisher-core. */
    public static final String PUBLICATIONS = "publication-events";

    /**
     * Records of {@link #PUBLICATIONS} that a channel could not read or could not deliver after its
     * retries; the header {@code kafka_dlt-original-consumer-group} names the channel.
     */
    public static final String PUBLICATIONS_DEAD_LETTER = PUBLICATIONS + "-dlt";

    /** {@link DeliveryReported}, from every channel. */
    public static final String DELIVERY_REPORTS = "delivery-reports";

    private Topics() {}
}
