package cn.college.disclosure.core.console;

import cn.college.disclosure.core.account.Account;
import cn.college.disclosure.core.account.Accounts;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** The signed-in user of a console request, as the other modules know them. */
@Component
class ConsoleUsers {

    private final Accounts accounts;

    ConsoleUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    Account of(Principal principal) {
        return accounts.require(principal.getName());
    }
}
