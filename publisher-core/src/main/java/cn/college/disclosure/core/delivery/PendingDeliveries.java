package cn.college.disclosure.core.delivery;

import cn.college.disclosure.core.item.ItemApproved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows every targeted channel as PENDING from the moment a version is approved, before any channel
 * has answered. Runs inside the approving transaction.
 */
@Component
class PendingDeliveries {

    private final Deliveries deliveries;

    PendingDeliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ItemApproved approved) {
        approved.channels().stream()
                .sorted()
                .forEach(
                        channel ->
                                deliveries.addPending(
                                        approved.itemId().value(),
                                        approved.version(),
                                        channel,
                                        approved.approvedAt()));
    }
}
