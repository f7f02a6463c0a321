package cn.college.disclosure.core.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 and 403 from the security filters as RFC 9457 problem details, like every other
 * rejection of the API; these never reach the MVC exception handler.
 */
class ProblemWritingSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper jsonMapper;
    private final MessageSource messages;

    ProblemWritingSecurityHandler(JsonMapper jsonMapper, MessageSource messages) {
        this.jsonMapper = jsonMapper;
        this.messages = messages;
    }

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException exception)
            throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            // the credentials could not be checked (the database is away): not the caller's fault,
            // and no reason to ask them to sign in again
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    text(
                            request,
                            "problem.api.unavailable",
                            "The service cannot check credentials right now; try again shortly."));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"publisher\"");
        write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                text(
                        request,
                        "problem.api.unauthorized",
                        "Sign in with HTTP Basic to use the API."));
    }

    @Override
    public void handle(
            HttpServletRequest request,
            HttpServletResponse response,
            AccessDeniedException exception)
            throws IOException {
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                text(request, "problem.api.forbidden", "Your role may not do this."));
    }

    /** Chinese unless the request asks for another language (the MVC locale is not set yet). */
    private String text(HttpServletRequest request, String code, String fallback) {
        Locale locale =
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                        ? Locale.SIMPLIFIED_CHINESE
                        : request.getLocale();
        return messages.getMessage(code, null, fallback, locale);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(
                text(request, "problem.title." + status.value(), status.getReasonPhrase()));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // the problem then names no instance
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
