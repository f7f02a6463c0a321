package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends again the reports the ledger still owes the core: every change of an entry owes one (set in
 * the change's own statement, {@code report_owed}), and only the broker's acknowledgement of a
 * report of exactly that state clears it. A change made while the broker was away (a screen's
 * acknowledgement, a WeChat callback, the reconciler's finding, a report that timed out) is thus
 * reported once the broker is back, although no record is left to handle it again.
 *
 * <p>It sends the entry's current state with a new {@code occurredAt}: the core keeps the latest
 * report of an (item, version, channel) and ignores older ones, so sending it again is safe. It
 * leaves an entry alone for {@code channel.runtime.owed-reports.after}, the time its own report
 * normally takes, and attempts under way (in flight, retracting) to their listener. Runs on one
 * instance at a time (a ShedLock-locked {@code ChannelJob}).
 */
class OwedReports {

    private static final Logger log = LoggerFactory.getLogger(OwedReports.class);
    private static final int BATCH = 100;

    private final Deliveries ledger;
    private final DeliveryReports reports;
    private final ChannelRuntimeProperties.OwedReports settings;
    private final Clock clock;

    OwedReports(
            Deliveries ledger,
            DeliveryReports reports,
            ChannelRuntimeProperties.OwedReports settings,
            Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass: sends what is owed, oldest first; returns how many the broker acknowledged. */
    int sendOwed() {
        int sent = 0;
        for (LedgerEntry entry :
                ledger.reportsOwedSince(clock.instant().minus(settings.after()), BATCH)) {
            try {
                reports.report(entry);
                sent++;
            } catch (DeliveryReports.ReportNotSent e) {
                // the broker is still away: the rest waits for the next pass
                log.warn("{}; {} owed report(s) sent before it", e.getMessage(), sent);
                return sent;
            }
        }
        if (sent > 0) {
            log.info("Sent {} owed delivery report(s) again", sent);
        }
        return sent;
    }
}
