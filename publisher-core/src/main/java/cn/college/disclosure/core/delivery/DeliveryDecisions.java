package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a person's decision on a delivery whose outcome was unknown with the delivery: who decided,
 * when, and why. The status itself changes only when the channel reports it, after recording the
 * decision in its own ledger; the decision survives every later report. Each decision is announced
 * as {@link DeliveryDecided}.
 */
@Component
public class DeliveryDecisions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeliveryDecisions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records the decision and publishes {@link DeliveryDecided}; must run in the transaction that
     * asks the channel to apply it.
     *
     * @param outcome DELIVERED or FAILED
     */
    public void recordDecision(
            UUID itemId,
            int version,
            Channel channel,
            DeliveryStatus outcome,
            String decidedBy,
            @Nullable String note,
            Instant at) {
        jdbc.sql(
                        """
                        update delivery set resolved_by = ?, resolved_at = ?, resolution_note = ?
                        where item_id = ? and version = ? and channel = ?
                        """)
                .params(
                        decidedBy,
                        at.atOffset(ZoneOffset.UTC),
                        note,
                        itemId,
                        version,
                        channel.name())
                .update();
        events.publishEvent(
                new DeliveryDecided(itemId, version, channel, outcome, decidedBy, note, at));
    }
}
