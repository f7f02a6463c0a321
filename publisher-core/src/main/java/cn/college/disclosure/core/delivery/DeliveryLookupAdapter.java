package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.core.item.DeliveryLookup;
import cn.college.disclosure.core.item.DeliverySummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Answers the items' questions about deliveries from the delivery table. */
@Component
class DeliveryLookupAdapter implements DeliveryLookup {

    private final Deliveries deliveries;
    private final WarningTexts warnings;

    DeliveryLookupAdapter(Deliveries deliveries, WarningTexts warnings) {
        this.deliveries = deliveries;
        this.warnings = warnings;
    }

    @Override
    public Map<UUID, List<DeliverySummary>> deliveriesOf(Collection<UUID> itemIds) {
        return deliveries.ofItems(itemIds).stream()
                .collect(
                        Collectors.groupingBy(
                                Deliveries.Delivery::itemId,
                                Collectors.mapping(this::summary, Collectors.toList())));
    }

    private DeliverySummary summary(Deliveries.Delivery delivery) {
        return new DeliverySummary(
                delivery.channel(),
                delivery.version(),
                delivery.status(),
                delivery.attempts(),
                delivery.externalUrl(),
                delivery.lastError(),
                delivery.updatedAt(),
                delivery.warnings().stream().map(warnings::render).toList());
    }

    @Override
    public List<UUID> itemsWith(@Nullable Channel channel, @Nullable DeliveryStatus status) {
        return deliveries.itemsWith(channel, status);
    }
}
