package cn.college.disclosure.core.web;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for the answers no controller gives: requests refused by Tomcat, Spring
 * Security's firewall or a filter before they reach Spring MVC. Their text is Chinese from the
 * message bundle ({@code problem.title.<status>}, {@code problem.detail.<status>}); nothing from
 * the exception reaches the client.
 */
@Component
class ContainerProblems {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final JsonMapper jsonMapper;

    ContainerProblems(MessageSource messages, JsonMapper jsonMapper) {
        this.messages = messages;
        this.jsonMapper = jsonMapper;
    }

    /** Whether a request target, as sent (not decoded), is the API's. */
    static boolean isApi(@Nullable String rawUri) {
        return rawUri != null
                && (rawUri.equals("/api")
                        || rawUri.startsWith("/api/")
                        || rawUri.startsWith("/api;"));
    }

    ProblemDetail of(int status, @Nullable String rawUri) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(
                messages.getMessage(
                        "problem.title." + status,
                        null,
                        known == null ? String.valueOf(status) : known.getReasonPhrase(),
                        CHINESE));
        problem.setDetail(
                messages.getMessage(
                        "problem.detail." + status,
                        null,
                        messages.getMessage("problem.detail.other", null, "", CHINESE),
                        CHINESE));
        if (rawUri != null) {
            try {
                problem.setInstance(URI.create(rawUri));
            } catch (IllegalArgumentException notAUri) {
                // the target itself is what was refused; the problem then names no instance
            }
        }
        return problem;
    }

    String json(ProblemDetail problem) {
        return jsonMapper.writeValueAsString(problem);
    }

    static String contentType() {
        return MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";
    }
}
