package cn.college.disclosure.core.console;

import cn.college.disclosure.core.account.Accounts;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.account.UsernameTaken;
import cn.college.disclosure.core.calendar.CalendarYearRejected;
import cn.college.disclosure.core.calendar.WorkingDays;
import cn.college.disclosure.core.catalogue.Catalogue;
import cn.college.disclosure.core.statistics.StatisticsReports;
import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page: users and their departments, the catalogue items marked 不涉及, and the
 * upload of a year's working-day calendar.
 */
@Controller
@RequestMapping("/console/admin")
class AdminController {

    /** The shortest password an admin may set. */
    private static final int MIN_PASSWORD = 8;

    private final Accounts accounts;
    private final Catalogue catalogue;
    private final StatisticsReports statistics;
    private final WorkingDays workingDays;

    AdminController(
            Accounts accounts,
            Catalogue catalogue,
            StatisticsReports statistics,
            WorkingDays workingDays) {
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.workingDays = workingDays;
    }

    @GetMapping
    String admin(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("departments", accounts.departments());
        model.addAttribute("roles", Role.values());
        model.addAttribute("catalogue", catalogue.entries());
        model.addAttribute("notApplicable", statistics.notApplicableItems());
        model.addAttribute("calendarYears", workingDays.years());
        model.addAttribute("calendarVersion", workingDays.fileVersion());
        model.addAttribute("minPassword", MIN_PASSWORD);
        return "console/admin/index";
    }

    @PostMapping("/users")
    String createUser(
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam Role role,
            @RequestParam(defaultValue = "") String department,
            RedirectAttributes redirect) {
        String name = username.strip();
        if (!name.matches("[A-Za-z0-9._-]{2,64}")) {
            return notice(redirect, Notice.error("notice.usernameInvalid"));
        }
        if (password.length() < MIN_PASSWORD) {
            return notice(redirect, Notice.error("notice.passwordShort", MIN_PASSWORD));
        }
        if (role == Role.LIAISON && department.isBlank()) {
            return notice(redirect, Notice.error("notice.departmentRequired"));
        }
        try {
            accounts.create(name, password, role, department.isBlank() ? null : department.strip());
            return notice(redirect, Notice.success("notice.userCreated", name));
        } catch (UsernameTaken e) {
            return notice(redirect, Notice.error("notice.usernameTaken", name));
        }
    }

    @PostMapping("/users/{username}/enabled")
    String enable(
            @PathVariable String username,
            @RequestParam boolean enabled,
            Principal principal,
            RedirectAttributes redirect) {
        if (!enabled && username.equals(principal.getName())) {
            return notice(redirect, Notice.error("notice.cannotDisableSelf"));
        }
        accounts.setEnabled(username, enabled);
        return notice(
                redirect,
                Notice.success(enabled ? "notice.userEnabled" : "notice.userDisabled", username));
    }

    @PostMapping("/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam String password,
            RedirectAttributes redirect) {
        if (password.length() < MIN_PASSWORD) {
            return notice(redirect, Notice.error("notice.passwordShort", MIN_PASSWORD));
        }
        accounts.resetPassword(username, password);
        return notice(redirect, Notice.success("notice.passwordReset", username));
    }

    @PostMapping("/not-applicable")
    String notApplicable(
            @RequestParam int catalogueItem,
            @RequestParam boolean notApplicable,
            Principal principal,
            RedirectAttributes redirect) {
        catalogue.require(catalogueItem);
        statistics.markNotApplicable(catalogueItem, notApplicable, principal.getName());
        return notice(
                redirect,
                Notice.success(
                        notApplicable ? "notice.markedNotApplicable" : "notice.markedApplicable",
                        catalogueItem));
    }

    @PostMapping("/calendar")
    String calendar(
            @RequestParam("file") MultipartFile file,
            Principal principal,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            return notice(redirect, Notice.error("notice.calendarEmpty"));
        }
        try {
            int year = workingDays.upload(file.getBytes(), principal.getName());
            return notice(redirect, Notice.success("notice.calendarUploaded", year));
        } catch (CalendarYearRejected e) {
            return notice(
                    redirect, Notice.error("notice.calendarRejected", e.field(), e.getMessage()));
        }
    }

    private static String notice(RedirectAttributes redirect, Notice notice) {
        redirect.addFlashAttribute(Notice.ATTRIBUTE, notice);
        return "redirect:/console/admin";
    }
}
