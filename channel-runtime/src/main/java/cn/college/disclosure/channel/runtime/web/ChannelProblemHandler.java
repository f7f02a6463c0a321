package cn.college.disclosure.channel.runtime.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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

    private final ChannelProblems problems = new ChannelProblems();

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
}
