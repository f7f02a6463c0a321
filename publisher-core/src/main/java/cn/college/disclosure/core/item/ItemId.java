package cn.college.disclosure.core.item;

import java.util.UUID;

/** An item's identity; also the Kafka key of all its events. */
public record ItemId(UUID value) {

    static ItemId random() {
        return new ItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
