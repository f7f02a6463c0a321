package cn.college.disclosure.contract;

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

    /** Every id with its record. */
    public static final Map<String, Class<? extends PublicationEvent>> ALL =
            Map.of(
                    PUBLICATION_REQUESTED, PublicationRequested.class,
                    PUBLICATION_RETRACTED, PublicationRetracted.class,
                    DELIVERY_REPORTED, DeliveryReported.class);

    /**
     * The mapping in the form of Spring Kafka's {@code spring.json.type.mapping} property, for the
     * serializer and the deserializer alike.
     */
    public static final String MAPPING =
            ALL.entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + entry.getValue().getName())
                    .sorted()
                    .collect(Collectors.joining(","));

    private WireTypes() {}
}
