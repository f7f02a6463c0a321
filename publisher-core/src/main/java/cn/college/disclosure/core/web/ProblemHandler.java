package cn.college.disclosure.core.web;

import cn.college.disclosure.core.calendar.CalendarYearNotFound;
import cn.college.disclosure.core.calendar.CalendarYearRejected;
import cn.college.disclosure.core.catalogue.UnknownCatalogueItem;
import cn.college.disclosure.core.item.BodyTooLarge;
import cn.college.disclosure.core.item.ChannelLimitExceeded;
import cn.college.disclosure.core.item.ImageFromOtherOrigin;
import cn.college.disclosure.core.item.ItemAlreadyRetracted;
import cn.college.disclosure.core.item.ItemNotFound;
import cn.college.disclosure.core.item.ItemNotInDraft;
import cn.college.disclosure.core.item.ItemNotPublished;
import cn.college.disclosure.core.item.ItemOfOtherDepartment;
import cn.college.disclosure.core.item.LedExpiryNotAfterStart;
import cn.college.disclosure.core.statistics.StatisticsPeriodRejected;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every rejection to RFC 9457 problem details. A rejection caused by one field names it in
 * {@code field}; validation failures list all of them in {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** One rejected field. */
    record FieldProblem(String field, String message) {}

    @ExceptionHandler
    ProblemDetail notFound(ItemNotFound exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler({ItemNotInDraft.class, ItemAlreadyRetracted.class, ItemNotPublished.class})
    ProblemDetail wrongState(IllegalStateException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail otherDepartment(ItemOfOtherDepartment exception) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "The item belongs to another department.");
    }

    @ExceptionHandler
    ProblemDetail channelLimit(ChannelLimitExceeded exception) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
        problem.setTitle(text("problem.title.channelLimit", "Over a channel's limit"));
        problem.setProperty("channel", exception.limit().channel());
        problem.setProperty("field", exception.limit().field());
        problem.setProperty("limit", exception.limit().maxCharacters());
        problem.setProperty(
                "errors",
                List.of(new FieldProblem(exception.limit().field(), exception.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail bodyTooLarge(BodyTooLarge exception) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONTENT_TOO_LARGE, exception.getMessage());
        problem.setProperty("field", exception.field());
        problem.setProperty("limit", exception.limitBytes());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail ledWindow(LedExpiryNotAfterStart exception) {
        return fieldProblem(exception.field(), exception.getMessage());
    }

    /** An image WeChat would have to fetch from outside the college. */
    @ExceptionHandler
    ProblemDetail imageFromOtherOrigin(ImageFromOtherOrigin exception) {
        return fieldProblem(
                exception.field(),
                text("problem.imageFromOtherOrigin", exception.getMessage(), exception.source()));
    }

    @ExceptionHandler
    ProblemDetail calendarYearNotFound(CalendarYearNotFound exception) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND,
                        text(
                                "problem.calendarYearNotFound",
                                exception.getMessage(),
                                String.valueOf(exception.year())));
        problem.setProperty("year", exception.year());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownCatalogueItem(UnknownCatalogueItem exception) {
        return fieldProblem("catalogueItem", exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail statisticsPeriod(StatisticsPeriodRejected exception) {
        return fieldProblem(exception.field(), exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail calendarYear(CalendarYearRejected exception) {
        return fieldProblem(exception.field(), exception.getMessage());
    }

    /** A path or query parameter of the wrong type, e.g. {@code /api/calendar/next}. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field =
                exception instanceof MethodArgumentTypeMismatchException mismatch
                        ? mismatch.getName()
                        : String.valueOf(exception.getPropertyName());
        ProblemDetail problem =
                fieldProblem(
                        field,
                        text(
                                "problem.typeMismatch",
                                field + " cannot be '" + exception.getValue() + "'",
                                field,
                                String.valueOf(exception.getValue())));
        return handleExceptionInternal(
                exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldProblem> errors =
                exception.getBindingResult().getFieldErrors().stream()
                        .map(
                                error ->
                                        new FieldProblem(
                                                fieldName(error),
                                                String.valueOf(error.getDefaultMessage())))
                        .sorted(java.util.Comparator.comparing(FieldProblem::field))
                        .toList();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        errors.stream()
                                .map(error -> error.field() + " " + error.message())
                                .collect(Collectors.joining("; ")));
        problem.setTitle(text("problem.title.invalidInput", "Invalid input"));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(
                exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldProblem> errors =
                exception.getParameterValidationResults().stream()
                        .flatMap(
                                result ->
                                        result.getResolvableErrors().stream()
                                                .map(
                                                        error ->
                                                                new FieldProblem(
                                                                        String.valueOf(
                                                                                result.getMethodParameter()
                                                                                        .getParameterName()),
                                                                        message(error))))
                        .toList();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        text("problem.invalidParameters", "Invalid parameters")
                                + errors.stream()
                                        .map(error -> error.field() + " " + error.message())
                                        .collect(Collectors.joining("; ", " ", "")));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
        }
        problem.setProperty("errors", errors);
        return handleExceptionInternal(
                exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Unreadable JSON: a malformed document, a value of the wrong type, an unknown channel name.
     * The problem names the JSON path where Jackson stopped; a body that grew over the request
     * limit while being read is a 413.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        RequestTooLarge tooLarge = cause(exception, RequestTooLarge.class);
        if (tooLarge != null) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            return handleExceptionInternal(
                    exception, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        JacksonException jackson = cause(exception, JacksonException.class);
        String field = jackson == null ? null : path(jackson);
        String detail =
                jackson == null
                        ? text("problem.bodyMissing", "The request body is missing or is not JSON")
                        : field == null
                                ? text(
                                        "problem.bodyNotJson",
                                        "The request body is not valid JSON: "
                                                + jackson.getOriginalMessage())
                                : text(
                                        "problem.fieldUnreadable",
                                        "Cannot read "
                                                + field
                                                + ": "
                                                + jackson.getOriginalMessage(),
                                        field);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(text("problem.title.unreadable", "Unreadable request"));
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        }
        return handleExceptionInternal(
                exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A text of the message bundle in the request's language (Chinese unless asked otherwise). */
    private String text(String code, String fallback, Object... arguments) {
        MessageSource messages = getMessageSource();
        return messages == null
                ? fallback
                : messages.getMessage(code, arguments, fallback, LocaleContextHolder.getLocale());
    }

    private ProblemDetail fieldProblem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle(text("problem.title.invalidInput", "Invalid input"));
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }

    /** {@code channels[0]} is reported as {@code channels}: the field, not the element. */
    private static String fieldName(FieldError error) {
        return error.getField().replaceAll("\\[.*?]", "");
    }

    private static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }

    /** The dotted path of property names, without array indexes, e.g. {@code channels}. */
    private static @Nullable String path(JacksonException exception) {
        String path =
                exception.getPath().stream()
                        .map(JacksonException.Reference::getPropertyName)
                        .filter(name -> name != null)
                        .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
