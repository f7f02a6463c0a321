package cn.college.disclosure.core.audit;

import cn.college.disclosure.core.item.PlainText;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over the API (ADMIN, see the security configuration), newest first. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    AuditLog.Page entries(
            @RequestParam(required = false) @PlainText @Nullable String actor,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @Nullable UUID itemId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return log.find(new AuditLog.Filter(actor, action, itemId), page, size);
    }
}
