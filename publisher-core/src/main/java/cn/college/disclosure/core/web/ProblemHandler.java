package cn.college.disclosure.core.web;

import cn.college.disclosure.contract.ChannelLimit;
import cn.college.disclosure.core.calendar.CalendarYearNotFound;
import cn.college.disclosure.core.calendar.CalendarYearRejected;
import cn.college.disclosure.core.catalogue.UnknownCatalogueItem;
import cn.college.disclosure.core.item.AttachmentRepeated;
import cn.college.disclosure.core.item.BodyTooLarge;
import cn.college.disclosure.core.item.ChannelLimitExceeded;
import cn.college.disclosure.core.item.ImageFromOtherOrigin;
import cn.college.disclosure.core.item.ItemAlreadyRetracted;
import cn.college.disclosure.core.item.ItemNotFound;
import cn.college.disclosure.core.item.ItemNotInDraft;
import cn.college.disclosure.core.item.ItemNotPublished;
import cn.college.disclosure.core.item.ItemOfOtherDepartment;
import cn.college.disclosure.core.item.LedExpiryNotAfterStart;
import cn.college.disclosure.core.item.MediaNotAnImage;
import cn.college.disclosure.core.item.MediaOfOtherDepartment;
import cn.college.disclosure.core.item.PublishAtNotInFuture;
import cn.college.disclosure.core.item.UnknownMedia;
import cn.college.disclosure.core.item.WithdrawAtTooEarly;
import cn.college.disclosure.core.media.MediaFileEmpty;
import cn.college.disclosure.core.media.MediaFileTooLarge;
import cn.college.disclosure.core.media.MediaNotFound;
import cn.college.disclosure.core.media.MediaTypeRefused;
import cn.college.disclosure.core.operations.DeliveryNotFound;
import cn.college.disclosure.core.operations.DeliveryNotRepairable;
import cn.college.disclosure.core.statistics.ManualCountRejected;
import cn.college.disclosure.core.statistics.StatisticsPeriodRejected;
import java.util.List;
import java.util.regex.Pattern;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every rejection to RFC 9457 problem details. A rejection caused by one field names it in
 * {@code field}; validation failures list all of them in {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** One rejected field. */
    record FieldProblem(String field, String message) {}

    @ExceptionHandler
    ProblemDetail notFound(ItemNotFound exception) {
        return problem(HttpStatus.NOT_FOUND, text("problem.itemNotFound", "No such item."));
    }

    @ExceptionHandler
    ProblemDetail notInDraft(ItemNotInDraft exception) {
        return problem(
                HttpStatus.CONFLICT,
                text("problem.itemNotInDraft", "Only a draft can be approved."));
    }

    @ExceptionHandler
    ProblemDetail alreadyRetracted(ItemAlreadyRetracted exception) {
        return problem(
                HttpStatus.CONFLICT,
                text(
                        "problem.itemAlreadyRetracted",
                        "The item was retracted and cannot change any more."));
    }

    @ExceptionHandler
    ProblemDetail notPublished(ItemNotPublished exception) {
        return problem(
                HttpStatus.CONFLICT,
                text("problem.itemNotPublished", "The item has no published version to retract."));
    }

    @ExceptionHandler
    ProblemDetail otherDepartment(ItemOfOtherDepartment exception) {
        return problem(
                HttpStatus.FORBIDDEN,
                text("problem.otherDepartment", "The item belongs to another department."));
    }

    /** Over a channel's hard limit: the channel, the field and the limit, also as properties. */
    @ExceptionHandler
    ProblemDetail channelLimit(ChannelLimitExceeded exception) {
        ChannelLimit limit = exception.limit();
        String detail =
                text(
                        "problem.channelLimit",
                        limit.channel() + " accepts at most " + limit.maxCharacters(),
                        text("channel." + limit.channel().name(), limit.channel().name()),
                        text("field." + limit.field(), limit.field()),
                        String.valueOf(limit.maxCharacters()));
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setTitle(text("problem.title.channelLimit", "Over a channel's limit"));
        problem.setProperty("channel", limit.channel());
        problem.setProperty("field", limit.field());
        problem.setProperty("limit", limit.maxCharacters());
        problem.setProperty("errors", List.of(new FieldProblem(limit.field(), detail)));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail bodyTooLarge(BodyTooLarge exception) {
        String detail =
                text(
                        "problem.bodyTooLarge",
                        "The body is too large",
                        String.valueOf(exception.limitBytes()));
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setProperty("field", exception.field());
        problem.setProperty("limit", exception.limitBytes());
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), detail)));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail ledWindow(LedExpiryNotAfterStart exception) {
        return fieldProblem(
                exception.field(),
                text("problem.ledExpiryNotAfterStart", "ledExpireAt must be after ledStartAt"));
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
                problem(
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
        return fieldProblem(
                "catalogueItem",
                text("problem.unknownCatalogueItem", "The catalogue has no such item."));
    }

    /**
     * A statistics period or manual count refused; the text is the field's ({@code
     * problem.statisticsPeriod.<field>}), the exception's own message is for the log.
     */
    @ExceptionHandler
    ProblemDetail statisticsPeriod(StatisticsPeriodRejected exception) {
        return fieldProblem(
                exception.field(), fieldText("problem.statisticsPeriod", exception.field()));
    }

    @ExceptionHandler
    ProblemDetail manualCount(ManualCountRejected exception) {
        return fieldProblem(
                exception.field(),
                text(exception.code(), exception.getMessage(), exception.arguments()));
    }

    @ExceptionHandler
    ProblemDetail calendarYear(CalendarYearRejected exception) {
        return fieldProblem(
                exception.field(), fieldText("problem.calendarYear", exception.field()));
    }

    @ExceptionHandler
    ProblemDetail deliveryNotFound(DeliveryNotFound exception) {
        return problem(HttpStatus.NOT_FOUND, text("problem.deliveryNotFound", "No such delivery."));
    }

    @ExceptionHandler
    ProblemDetail deliveryNotRepairable(DeliveryNotRepairable exception) {
        return problem(
                HttpStatus.CONFLICT,
                text(
                        "problem.deliveryNotRepairable",
                        "The delivery's status does not allow this repair."));
    }

    // --- issue 11, items: the media an item refers to and its schedule (fix/items) ---

    @ExceptionHandler
    ProblemDetail unknownMedia(UnknownMedia exception) {
        return fieldProblem(
                exception.field(),
                text("problem.unknownMedia", exception.getMessage(), exception.field()));
    }

    @ExceptionHandler
    ProblemDetail mediaNotAnImage(MediaNotAnImage exception) {
        return fieldProblem(
                exception.field(), text("problem.mediaNotAnImage", exception.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail attachmentRepeated(AttachmentRepeated exception) {
        return fieldProblem(
                exception.field(), text("problem.attachmentRepeated", exception.getMessage()));
    }

    /** Another department's file that is not in the open yet: 403, naming the field. */
    @ExceptionHandler
    ProblemDetail mediaOfOtherDepartment(MediaOfOtherDepartment exception) {
        String detail = text("problem.mediaOfOtherDepartment", exception.getMessage());
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, detail);
        problem.setProperty("field", exception.field());
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), detail)));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail publishAtNotInFuture(PublishAtNotInFuture exception) {
        return fieldProblem(
                exception.field(), text("problem.publishAtNotInFuture", exception.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail withdrawAtTooEarly(WithdrawAtTooEarly exception) {
        return fieldProblem(
                exception.field(), text("problem.withdrawAtTooEarly", exception.getMessage()));
    }

    // issue 11, the media store (fix/media): refused uploads name the multipart field

    @ExceptionHandler
    ProblemDetail mediaNotFound(MediaNotFound exception) {
        return problem(HttpStatus.NOT_FOUND, text("problem.mediaNotFound", "No such file."));
    }

    @ExceptionHandler
    ProblemDetail mediaEmpty(MediaFileEmpty exception) {
        return fieldProblem(
                exception.field(), text("problem.mediaEmpty", "The uploaded file is empty."));
    }

    @ExceptionHandler
    ProblemDetail mediaTooLarge(MediaFileTooLarge exception) {
        return mediaTooLarge(exception.field(), exception.limitBytes());
    }

    @ExceptionHandler
    ProblemDetail mediaType(MediaTypeRefused exception) {
        String detail = text("problem.mediaType", "This type of file is not accepted.");
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
        problem.setProperty("field", exception.field());
        problem.setProperty("errors", List.of(new FieldProblem(exception.field(), detail)));
        return problem;
    }

    /**
     * An upload over Spring's multipart limits, which the media configuration sets from {@code
     * publisher.media.max-size}: the file is what was too large.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        HttpHeaders closing = new HttpHeaders();
        closing.addAll(headers);
        // the rest of the body is not read: the connection cannot carry another request
        closing.set(HttpHeaders.CONNECTION, "close");
        return handleExceptionInternal(
                exception,
                mediaTooLarge("file", exception.getMaxUploadSize()),
                closing,
                HttpStatus.CONTENT_TOO_LARGE,
                request);
    }

    /**
     * A multipart body Tomcat cannot read (a file name with a NUL character, broken framing): the
     * upload's field is what was wrong. The size limits have their own handler, above.
     */
    @ExceptionHandler
    ProblemDetail multipartUnreadable(MultipartException exception) {
        return fieldProblem(
                "file", text("problem.multipartUnreadable", "The upload cannot be read."));
    }

    /** A multipart request without the part, e.g. an upload without {@code file}. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = exception.getRequestPartName();
        return handleExceptionInternal(
                exception,
                fieldProblem(field, text("problem.partMissing", "Missing " + field, field)),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    private ProblemDetail mediaTooLarge(String field, long limitBytes) {
        String detail =
                text("problem.mediaTooLarge", "The file is too large", String.valueOf(limitBytes));
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setProperty("field", field);
        if (limitBytes >= 0) {
            problem.setProperty("limit", limitBytes);
        }
        problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        return problem;
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
                    problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            text(
                                    "problem.requestTooLarge",
                                    tooLarge.getMessage(),
                                    String.valueOf(tooLarge.limit())));
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

    /**
     * The last guard of "no English reaches a person": a refusal of Spring MVC whose message code
     * the bundle lacks (a missing path variable, an unwritable answer, ...) would carry Spring's
     * English title or detail; in Chinese it gets its status's text instead ({@code
     * problem.title.<status>}, {@code problem.detail.<status>}).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        boolean chinese =
                java.util.Locale.CHINESE
                        .getLanguage()
                        .equals(LocaleContextHolder.getLocale().getLanguage());
        if (chinese && body instanceof ProblemDetail problem) {
            if (problem.getTitle() == null || !HAN.matcher(problem.getTitle()).find()) {
                problem.setTitle(
                        text(
                                "problem.title." + status.value(),
                                String.valueOf(problem.getTitle())));
            }
            if (problem.getDetail() == null || !HAN.matcher(problem.getDetail()).find()) {
                problem.setDetail(
                        text(
                                "problem.detail." + status.value(),
                                text("problem.detail.other", String.valueOf(problem.getDetail()))));
            }
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    /** A text of the message bundle in the request's language (Chinese unless asked otherwise). */
    private String text(String code, String fallback, Object... arguments) {
        MessageSource messages = getMessageSource();
        return messages == null
                ? fallback
                : messages.getMessage(code, arguments, fallback, LocaleContextHolder.getLocale());
    }

    /** The text of {@code <prefix>.<field>}, or of {@code <prefix>} naming the field. */
    private String fieldText(String prefix, String field) {
        return text(prefix + "." + field, text(prefix, "Invalid " + field, field), field);
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text("problem.title." + status.value(), status.getReasonPhrase()));
        return problem;
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
