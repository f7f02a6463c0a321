package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.core.account.Accounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The items' REST API. Roles are enforced by the security configuration, departments by the
 * service.
 */
@RestController
@RequestMapping("/api/items")
class ItemController {

    private final ItemService service;
    private final Accounts accounts;

    ItemController(ItemService service, Accounts accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<ItemView> create(@Valid @RequestBody ItemRequest request, Principal principal) {
        ItemView created = service.create(request, accounts.require(principal.getName()));
        URI location =
                ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    ItemView get(@PathVariable UUID id) {
        return service.get(new ItemId(id));
    }

    @GetMapping
    ItemView.Page list(
            @RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable DeliveryStatus deliveryStatus,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return service.list(status, channel, deliveryStatus, page, size);
    }

    @PutMapping("/{id}")
    ItemView revise(
            @PathVariable UUID id, @Valid @RequestBody ItemRequest request, Principal principal) {
        return service.revise(new ItemId(id), request, accounts.require(principal.getName()));
    }

    @PostMapping("/{id}/approve")
    ItemView approve(@PathVariable UUID id, Principal principal) {
        return service.approve(new ItemId(id), accounts.require(principal.getName()));
    }

    @PostMapping("/{id}/retract")
    ItemView retract(
            @PathVariable UUID id,
            @Valid @RequestBody RetractRequest request,
            Principal principal) {
        return service.retract(
                new ItemId(id),
                Objects.requireNonNull(request.reason()).strip(),
                accounts.require(principal.getName()));
    }
}
