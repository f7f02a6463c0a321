package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.core.operations.ChannelBoard;
import cn.college.disclosure.core.operations.DeliveryNotFound;
import cn.college.disclosure.core.operations.DeliveryRepairs;
import java.security.Principal;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' board: one card per channel, the deliveries that need a person, and the repairs
 * (each goes through the channel's ledger, so none can publish twice). Every repair form carries
 * its own {@code requestId}: submitting it twice, or a double click, asks the channel once.
 */
@Controller
@RequestMapping("/console/operations")
class BoardPagesController {

    /** How many failures the board lists. */
    private static final int FAILURES = 100;

    private final ChannelBoard board;
    private final DeliveryRepairs repairs;
    private final ConsoleProperties properties;

    BoardPagesController(
            ChannelBoard board, DeliveryRepairs repairs, ConsoleProperties properties) {
        this.board = board;
        this.repairs = repairs;
        this.properties = properties;
    }

    @GetMapping
    String board(Model model) {
        model.addAttribute("cards", board.cards());
        model.addAttribute("failures", board.failures(FAILURES));
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("pollSeconds", properties.boardPollInterval().toSeconds());
        return "console/operations/board";
    }

    /** The cards alone, refreshed by htmx every few seconds. */
    @GetMapping("/cards")
    String cards(Model model) {
        model.addAttribute("cards", board.cards());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("pollSeconds", properties.boardPollInterval().toSeconds());
        return "console/operations/board :: cards";
    }

    @PostMapping("/retry")
    String retry(
            @RequestParam UUID requestId,
            @RequestParam UUID itemId,
            @RequestParam int version,
            @RequestParam Channel channel,
            Principal principal,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "notice.retryRequested",
                () -> repairs.retry(requestId, itemId, version, channel, principal.getName()));
    }

    @PostMapping("/reconcile")
    String reconcile(
            @RequestParam UUID requestId,
            @RequestParam UUID itemId,
            @RequestParam int version,
            @RequestParam Channel channel,
            Principal principal,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "notice.reconcileRequested",
                () -> repairs.reconcile(requestId, itemId, version, channel, principal.getName()));
    }

    @PostMapping("/resolve")
    String resolve(
            @RequestParam UUID requestId,
            @RequestParam UUID itemId,
            @RequestParam int version,
            @RequestParam Channel channel,
            @RequestParam boolean delivered,
            @RequestParam(defaultValue = "") String note,
            Principal principal,
            RedirectAttributes redirect) {
        if (note.isBlank()) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("notice.noteRequired"));
            return "redirect:/console/operations";
        }
        return act(
                redirect,
                delivered ? "notice.markedDelivered" : "notice.markedFailed",
                () ->
                        repairs.resolve(
                                requestId,
                                itemId,
                                version,
                                channel,
                                delivered,
                                principal.getName(),
                                note.strip()));
    }

    /**
     * Runs a repair; a repair the delivery's state does not allow ({@code DeliveryNotRepairable}:
     * it moved on meanwhile) is shown as a notice with the reason, not as an error page.
     */
    private static String act(RedirectAttributes redirect, String done, Runnable repair) {
        try {
            repair.run();
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success(done));
        } catch (DeliveryNotFound | IllegalStateException e) {
            redirect.addFlashAttribute(
                    Notice.ATTRIBUTE, Notice.error("notice.repairRefused", e.getMessage()));
        }
        return "redirect:/console/operations";
    }
}
