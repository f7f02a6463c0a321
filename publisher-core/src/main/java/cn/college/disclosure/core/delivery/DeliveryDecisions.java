package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.Channel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a person's decision on a delivery whose outcome was unknown with the delivery: who decided,
 * when, and why. The status itself changes only when the channel reports it, after recording the
 * decision in its own ledger; the decision survives every later report.
 */
@Component
public class DeliveryDecisions {

    private final JdbcClient jdbc;

    DeliveryDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the decision; must run in the transaction that asks the channel to apply it. */
    public void recordDecision(
            UUID itemId,
            int version,
            Channel channel,
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
    }
}
