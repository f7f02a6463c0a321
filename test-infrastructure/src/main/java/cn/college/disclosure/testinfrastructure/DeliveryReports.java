package cn.college.disclosure.testinfrastructure;

import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/** The delivery reports a channel sent, as the core would read them. */
public final class DeliveryReports implements AutoCloseable {

    /** How long {@link #await(UUID, int, DeliveryStatus)} waits for a report. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicRecorder<DeliveryReported> recorder;

    private DeliveryReports(TopicRecorder<DeliveryReported> recorder) {
        this.recorder = recorder;
    }

    /** Starts reading {@link Topics#DELIVERY_REPORTS} from the beginning. */
    public static DeliveryReports record(String bootstrapServers) {
        return new DeliveryReports(
                TopicRecorder.reports(bootstrapServers, Topics.DELIVERY_REPORTS));
    }

    /** Every report for the item so far, in the order they arrived. */
    public List<DeliveryReported> of(UUID itemId) {
        return recorder.values(itemId);
    }

    /** The statuses reported for the item so far, in the order they arrived. */
    public List<DeliveryStatus> statuses(UUID itemId) {
        return of(itemId).stream().map(DeliveryReported::status).toList();
    }

    /** How many reports for the item carry the status. */
    public long count(UUID itemId, DeliveryStatus status) {
        return of(itemId).stream().filter(r -> r.status() == status).count();
    }

    /** Waits up to {@link #PATIENCE} for the first report of the item's version with the status. */
    public DeliveryReported await(UUID itemId, int version, DeliveryStatus status) {
        return await(itemId, version, status, PATIENCE);
    }

    /** Waits up to {@code patience} for the first report of the item's version with the status. */
    public DeliveryReported await(
            UUID itemId, int version, DeliveryStatus status, Duration patience) {
        return Awaitility.await()
                .atMost(patience)
                .until(
                        () ->
                                of(itemId).stream()
                                        .filter(r -> r.version() == version && r.status() == status)
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @Override
    public void close() {
        recorder.close();
    }
}
