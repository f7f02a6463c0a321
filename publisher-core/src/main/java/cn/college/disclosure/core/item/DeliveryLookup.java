package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the items need to know about deliveries, implemented by the delivery module so that items do
 * not depend on it (deliveries depend on items' events).
 */
public interface DeliveryLookup {

    /** Every item's deliveries, newest version first. */
    Map<UUID, List<DeliverySummary>> deliveriesOf(Collection<UUID> itemIds);

    /** The ids of the items with a delivery on the channel in the status; either may be absent. */
    List<UUID> itemsWith(@Nullable Channel channel, @Nullable DeliveryStatus status);
}
