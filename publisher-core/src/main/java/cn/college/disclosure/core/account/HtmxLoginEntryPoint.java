package cn.college.disclosure.core.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a visitor without a session to the login form. An htmx request (a fragment being polled
 * when the session timed out) gets 401 with {@code HX-Redirect} instead: a redirect would swap the
 * login page into the fragment; this makes htmx load it as a whole page.
 */
class HtmxLoginEntryPoint implements AuthenticationEntryPoint {

    private final String loginPage;
    private final LoginUrlAuthenticationEntryPoint form;

    HtmxLoginEntryPoint(String loginPage) {
        this.loginPage = loginPage;
        this.form = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException exception)
            throws IOException, ServletException {
        if (request.getHeader("HX-Request") == null) {
            form.commence(request, response, exception);
            return;
        }
        response.setHeader("HX-Redirect", request.getContextPath() + loginPage + "?expired");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
