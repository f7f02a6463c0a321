package cn.college.disclosure.core.console;

import cn.college.disclosure.core.account.Account;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the landing page of each role. */
@Controller
class HomeController {

    private final ConsoleUsers users;

    HomeController(ConsoleUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(@Nullable Principal principal) {
        return principal == null ? "console/login" : "redirect:/console";
    }

    @GetMapping({"/", "/console"})
    String home(Principal principal) {
        Account me = users.of(principal);
        return switch (me.role()) {
            case LIAISON, ADMIN -> "redirect:/console/items";
            case OPERATOR -> "redirect:/console/operations";
            case REPORTER -> "redirect:/console/statistics";
            // refused by the security configuration before it gets here
            case CHANNEL -> throw new IllegalStateException("A channel account has no console");
        };
    }
}
