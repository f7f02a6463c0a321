package cn.college.disclosure.core.console;

import cn.college.disclosure.core.audit.AuditAction;
import cn.college.disclosure.core.audit.AuditLog;
import cn.college.disclosure.core.item.PlainText;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' view of the audit log (ADMIN, under {@code /console/admin}): newest first,
 * filtered by who, what and which item, a page at a time; each entry links to its item.
 */
@Controller
@RequestMapping("/console/admin/audit")
class AuditPagesController {

    private final AuditLog log;
    private final ConsoleProperties properties;

    AuditPagesController(AuditLog log, ConsoleProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    @GetMapping
    String audit(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(defaultValue = "") String item,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean actorInvalid = !PlainText.Validator.isPlain(actor, false);
        String who =
                actorInvalid ? actor.replaceAll("[\\p{Cntrl}\\p{Cs}]", "").strip() : actor.strip();
        UUID itemId = null;
        boolean itemInvalid = false;
        if (!item.isBlank()) {
            try {
                itemId = UUID.fromString(item.strip());
            } catch (IllegalArgumentException e) {
                itemInvalid = true;
            }
        }
        model.addAttribute("actor", who);
        model.addAttribute("action", action);
        model.addAttribute("item", item.strip());
        model.addAttribute("itemInvalid", itemInvalid);
        model.addAttribute("actorInvalid", actorInvalid);
        model.addAttribute("actions", AuditAction.values());
        if (itemInvalid || actorInvalid) {
            model.addAttribute("page", null);
            return "console/admin/audit";
        }
        AuditLog.Page found =
                log.find(
                        new AuditLog.Filter(who.isEmpty() ? null : who, action, itemId),
                        page,
                        properties.pageSize());
        model.addAttribute("page", found);
        return "console/admin/audit";
    }
}
