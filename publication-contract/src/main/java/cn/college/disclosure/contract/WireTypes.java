package cn.college.disclosure.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The logical type ids that travel in the {@code __TypeId__} header instead of class names, so that
 * either side can move its classes freely. A breaking change to an event gets a new id ({@code
 * .v2}) and both ids are read during the change-over.
 */
public final class WireTypes {

    public static final String PUBLICATION_REQUESTED = "publication-requested.v1";
    public static final String PUBLICATION_RETRACTED = "publication-retracted.v1";
    public static final String DELIVERY_REPORTED = "delivery-reported.v1";
    public static final String DELIVERY_REPAIR_REQUESTED = "delivery-repair-requested.v1";
    public static final String CHANNEL_STATUS_REPORTED = "channel-status-reported.v1";

    /** Every id of an event about an item ({@link PublicationEvent}) with its record. */
    public static final Map<String, Class<? extends PublicationEvent>> ITEM_EVENTS =
            Map.of(
                    PUBLICATION_REQUESTED, PublicationRequested.class,
                    PUBLICATION_RETRACTED, PublicationRetracted.class,
                    DELIVERY_REPORTED, DeliveryReported.class,
                    DELIVERY_REPAIR_REQUESTED, DeliveryRepairRequested.class);

    /** Every id with its record: the item events and the channels' status reports. */
    public static final Map<String, Class<?>> ALL = all();

    /**
     * The mapping in the form of Spring Kafka's {@code spring.json.type.mapping} property, for the
     * serializer and the deserializer alike.
     */
    public static final String MAPPING =
            ALL.entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + entry.getValue().getName())
                    .sorted()
                    .collect(Collectors.joining(","));

    private static Map<String, Class<?>> all() {
        Map<String, Class<?>> all = new HashMap<>(ITEM_EVENTS);
        all.put(CHANNEL_STATUS_REPORTED, ChannelStatusReported.class);
        return Map.copyOf(all);
    }

    private WireTypes() {}
}
