package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.RepairAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' API (OPERATOR or ADMIN, see the security configuration): the channel board, the
 * failures, and the repairs, which are accepted (202) and carried out by the channel; the outcome
 * arrives as the channel's delivery report. A repair sent again with the same {@code
 * Idempotency-Key} (a UUID) is accepted again and changes nothing.
 */
@RestController
@RequestMapping("/api/operations")
class OperationsController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ChannelBoard board;
    private final DeliveryRepairs repairs;

    OperationsController(ChannelBoard board, DeliveryRepairs repairs) {
        this.board = board;
        this.repairs = repairs;
    }

    /** What was asked of the channel. */
    record RepairAccepted(
            UUID itemId, int version, Channel channel, RepairAction action, String requestedBy) {}

    /** A person's decision on an UNCONFIRMED delivery. */
    record Resolution(@NotNull Outcome outcome, @Nullable @Size(max = 500) String note) {}

    enum Outcome {
        DELIVERED,
        FAILED
    }

    @GetMapping("/channels")
    List<ChannelBoard.ChannelCard> channels() {
        return board.cards();
    }

    @GetMapping("/failures")
    List<ChannelBoard.FailedDelivery> failures(@RequestParam(defaultValue = "100") int limit) {
        return board.failures(Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/deliveries/{itemId}/{version}/{channel}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RepairAccepted retry(
            @PathVariable UUID itemId,
            @PathVariable int version,
            @PathVariable Channel channel,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable UUID key,
            Principal principal) {
        repairs.retry(requestId(key), itemId, version, channel, principal.getName());
        return new RepairAccepted(
                itemId, version, channel, RepairAction.RETRY, principal.getName());
    }

    @PostMapping("/deliveries/{itemId}/{version}/{channel}/reconcile")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RepairAccepted reconcile(
            @PathVariable UUID itemId,
            @PathVariable int version,
            @PathVariable Channel channel,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable UUID key,
            Principal principal) {
        repairs.reconcile(requestId(key), itemId, version, channel, principal.getName());
        return new RepairAccepted(
                itemId, version, channel, RepairAction.RECONCILE, principal.getName());
    }

    @PostMapping("/deliveries/{itemId}/{version}/{channel}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RepairAccepted resolve(
            @PathVariable UUID itemId,
            @PathVariable int version,
            @PathVariable Channel channel,
            @Valid @RequestBody Resolution resolution,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable UUID key,
            Principal principal) {
        boolean delivered = resolution.outcome() == Outcome.DELIVERED;
        repairs.resolve(
                requestId(key),
                itemId,
                version,
                channel,
                delivered,
                principal.getName(),
                resolution.note() == null ? "" : resolution.note());
        return new RepairAccepted(
                itemId,
                version,
                channel,
                delivered ? RepairAction.RESOLVE_DELIVERED : RepairAction.RESOLVE_FAILED,
                principal.getName());
    }

    private static UUID requestId(@Nullable UUID key) {
        return key == null ? UUID.randomUUID() : key;
    }
}
