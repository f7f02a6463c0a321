package cn.college.disclosure.channel.runtime;

import cn.college.disclosure.contract.DeliveryWarning;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an adapter learnt from the outside system. An expected outcome, including a refusal, is a
 * value; only a transient failure is an exception ({@link TransientDeliveryFailure}).
 */
public sealed interface DeliveryOutcome {

    /**
     * The system confirmed the item is live.
     *
     * @param externalUrl where people see it, if the system has a URL for it
     * @param externalRef the system's own id for it (a page path, a WeChat article id), kept so
     *     that a later version can replace it and a retraction can remove it
     * @param detail what the system said, for the log and the ledger
     * @param warnings what the channel could not carry (an image left out, a field cut): the
     *     delivery counts, and people see each warning beside it
     */
    record Delivered(
            @Nullable URI externalUrl,
            @Nullable String externalRef,
            @Nullable String detail,
            List<DeliveryWarning> warnings)
            implements DeliveryOutcome {

        public Delivered {
            warnings = List.copyOf(warnings);
        }

        public Delivered(
                @Nullable URI externalUrl, @Nullable String externalRef, @Nullable String detail) {
            this(externalUrl, externalRef, detail, List.of());
        }
    }

    /**
     * The system refused the item; pushing again would be refused again.
     *
     * @param reason the provider's error code and message
     */
    record Failed(String reason) implements DeliveryOutcome {}

    /**
     * The call may or may not have reached the system; the runtime will ask again, never push.
     *
     * @param detail what is known, e.g. "read timed out after 10 s"
     */
    record Unconfirmed(String detail) implements DeliveryOutcome {}

    /**
     * The system accepted the item and confirms later.
     *
     * @param externalRef the system's id for the pending job (WeChat's {@code publish_id}), handed
     *     back in {@link DeliveryAttempt#externalRef()} when the runtime reconciles
     * @param detail what the system said
     */
    record Pending(@Nullable String externalRef, String detail) implements DeliveryOutcome {}

    /**
     * Reconciling found nothing on the system: the item is certainly not live, so it is safe to
     * push.
     */
    record Absent(@Nullable String detail) implements DeliveryOutcome {}

    /** The item is no longer on the system (also when it was already gone). */
    record Retracted(@Nullable String detail) implements DeliveryOutcome {}

    static DeliveryOutcome delivered(
            @Nullable URI externalUrl, @Nullable String externalRef, @Nullable String detail) {
        return new Delivered(externalUrl, externalRef, detail);
    }

    static DeliveryOutcome delivered(
            @Nullable URI externalUrl,
            @Nullable String externalRef,
            List<DeliveryWarning> warnings) {
        return new Delivered(externalUrl, externalRef, null, warnings);
    }

    static DeliveryOutcome delivered(@Nullable URI externalUrl, @Nullable String externalRef) {
        return new Delivered(externalUrl, externalRef, null);
    }

    static DeliveryOutcome failed(String reason) {
        return new Failed(reason);
    }

    static DeliveryOutcome unconfirmed(String detail) {
        return new Unconfirmed(detail);
    }

    static DeliveryOutcome pending(@Nullable String externalRef, String detail) {
        return new Pending(externalRef, detail);
    }

    static DeliveryOutcome absent() {
        return new Absent(null);
    }

    static DeliveryOutcome retracted() {
        return new Retracted(null);
    }
}
