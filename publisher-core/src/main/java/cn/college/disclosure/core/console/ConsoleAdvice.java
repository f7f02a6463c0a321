package cn.college.disclosure.core.console;

import cn.college.disclosure.core.account.Account;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.item.ImageFromOtherOrigin;
import cn.college.disclosure.core.item.ItemNotFound;
import cn.college.disclosure.core.item.ItemOfOtherDepartment;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs (the signed-in user and what their role may see), and the error
 * pages: the console answers with pages, never with the API's problem details, so it is consulted
 * before the API's handler.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final ConsoleUsers users;
    private final ItemFormRules itemFormRules;

    ConsoleAdvice(ConsoleUsers users, ItemFormRules itemFormRules) {
        this.users = users;
        this.itemFormRules = itemFormRules;
    }

    /**
     * The item editor is validated by the API's rules too, see {@link ItemFormRules}. The binder
     * may not have its target yet (it is constructed after this), hence the type.
     */
    @InitBinder("form")
    void itemFormRules(WebDataBinder binder) {
        Object target = binder.getTarget();
        Class<?> type =
                target != null
                        ? target.getClass()
                        : binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        if (type != null && ItemForm.class.isAssignableFrom(type)) {
            binder.addValidators(itemFormRules);
        }
    }

    /** The navigation a role sees; ADMIN sees everything. */
    record Navigation(boolean items, boolean board, boolean statistics, boolean admin) {

        static Navigation of(Role role) {
            return switch (role) {
                case LIAISON -> new Navigation(true, false, false, false);
                case OPERATOR -> new Navigation(false, true, false, false);
                case REPORTER -> new Navigation(false, false, true, false);
                case ADMIN -> new Navigation(true, true, true, true);
                // a channel's service account is refused every console page
                case CHANNEL -> new Navigation(false, false, false, false);
            };
        }
    }

    @ModelAttribute("me")
    @Nullable Account me(@Nullable Principal principal) {
        return principal == null ? null : users.of(principal);
    }

    @ModelAttribute("navigation")
    @Nullable Navigation navigation(@Nullable Principal principal) {
        return principal == null ? null : Navigation.of(users.of(principal).role());
    }

    @ExceptionHandler(ItemNotFound.class)
    String notFound(Model model, HttpServletResponse response, @Nullable Principal principal) {
        return error(model, response, principal, HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** An approval of a body whose images are no longer from an allowed origin. */
    @ExceptionHandler(ImageFromOtherOrigin.class)
    String imageFromOtherOrigin(
            Model model, HttpServletResponse response, @Nullable Principal principal) {
        return error(
                model, response, principal, HttpStatus.BAD_REQUEST, "error.imageFromOtherOrigin");
    }

    @ExceptionHandler(ItemOfOtherDepartment.class)
    String otherDepartment(
            Model model, HttpServletResponse response, @Nullable Principal principal) {
        return error(model, response, principal, HttpStatus.FORBIDDEN, "error.otherDepartment");
    }

    /**
     * The error page, with the navigation and the user (model attributes are not added for
     * exception handlers), so that the person can go on or sign out from it.
     */
    private String error(
            Model model,
            HttpServletResponse response,
            @Nullable Principal principal,
            HttpStatus status,
            String code) {
        model.addAttribute("me", me(principal));
        model.addAttribute("navigation", navigation(principal));
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageCode", code);
        return "console/error";
    }
}
