package cn.college.disclosure.channel.runtime.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own refusals in every channel service as RFC 9457 problem details: an unreadable or
 * mistyped JSON body, a missing or mistyped parameter, an unsupported method (405) or media type
 * (415), an unacceptable {@code Accept} (406), no such path (404). Their title and detail are the
 * runtime's short Chinese texts ({@link ChannelProblems}), never Spring's English. A channel's own
 * advice (its domain facts, e.g. the LED feeds' {@code FeedProblems}) is consulted before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ChannelProblemHandler extends ResponseEntityExceptionHandler {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final String NOT_FOUND_PAGE = page("static/error/404.html");

    private final ChannelProblems problems = new ChannelProblems();

    /**
     * No such path: problem details for programs, but a browser (the college website's readers)
     * gets the Chinese page {@code static/error/404.html}, the one Boot's error view shows for
     * every other 404.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (wantsHtml(request)) {
            return ResponseEntity.status(status).contentType(HTML).body(NOT_FOUND_PAGE);
        }
        return super.handleNoResourceFoundException(exception, headers, status, request);
    }

    private static boolean wantsHtml(WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(
                            type ->
                                    type.isCompatibleWith(MediaType.TEXT_HTML)
                                            && !type.isWildcardType());
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = problem(exception, status);
        if (body instanceof ProblemDetail spring && spring.getInstance() != null) {
            problem.setInstance(spring.getInstance());
        }
        return super.handleExceptionInternal(exception, problem, headers, status, request);
    }

    private ProblemDetail problem(Exception exception, HttpStatusCode status) {
        if (exception instanceof HttpMessageNotReadableException) {
            return problems.of(status, "problem.detail.unreadable");
        }
        if (exception instanceof TypeMismatchException mismatch) {
            String name =
                    mismatch instanceof MethodArgumentTypeMismatchException argument
                            ? argument.getName()
                            : String.valueOf(mismatch.getPropertyName());
            return problems.of(status, "problem.detail.typeMismatch", name);
        }
        if (exception instanceof MethodArgumentNotValidException
                || exception instanceof HandlerMethodValidationException) {
            return problems.of(status, "problem.detail.invalid");
        }
        if (exception instanceof ErrorResponse response) {
            // Spring's own message code of the refusal, e.g. a missing parameter; the status's
            // text when the bundle has none
            Object[] arguments = response.getDetailMessageArguments();
            return problems.of(
                    status,
                    response.getDetailMessageCode(),
                    arguments == null ? new Object[0] : arguments);
        }
        return problems.of(status);
    }

    private static String page(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The channel runtime ships " + resource, e);
        }
    }
}
