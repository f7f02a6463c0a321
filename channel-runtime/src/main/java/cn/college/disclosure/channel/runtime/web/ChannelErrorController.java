package cn.college.disclosure.channel.runtime.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's {@code /error}, as problem details for every client that does not ask for HTML: what ends
 * there was refused before a controller could answer (an exception no handler knew, an error the
 * servlet container raised, a method Tomcat does not allow). A browser ({@code Accept: text/html})
 * still gets Boot's error page: Boot's {@code BasicErrorController} stays, and this mapping of the
 * same path is chosen when the client accepts JSON or anything ({@code *}{@code /*}, or no {@code
 * Accept}).
 */
@RestController
class ChannelErrorController {

    private static final String STATUS = "jakarta.servlet.error.status_code";
    private static final String URI = "jakarta.servlet.error.request_uri";

    private final ChannelProblems problems = new ChannelProblems();

    /**
     * Chosen over Boot's {@code error} method (no {@code produces}, every method) for any {@code
     * Accept} but HTML: by {@code produces} for JSON and {@code *}{@code /*}, and, where both only
     * match through a wildcard (e.g. {@code Accept: application/xml}), by naming the methods, which
     * Spring compares after {@code produces}, so that the two never tie.
     */
    @RequestMapping(
            path = "${server.error.path:${error.path:/error}}",
            method = {
                RequestMethod.GET,
                RequestMethod.HEAD,
                RequestMethod.POST,
                RequestMethod.PUT,
                RequestMethod.PATCH,
                RequestMethod.DELETE,
                RequestMethod.OPTIONS,
                RequestMethod.TRACE
            },
            produces = {
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.ALL_VALUE
            })
    ResponseEntity<ProblemDetail> error(
            @RequestAttribute(name = STATUS, required = false) @Nullable Integer status,
            @RequestAttribute(name = URI, required = false) @Nullable String uri) {
        HttpStatusCode code =
                status == null || status < 400
                        ? HttpStatus.INTERNAL_SERVER_ERROR
                        : HttpStatusCode.valueOf(status);
        ProblemDetail problem = problems.of(code);
        if (uri != null) {
            try {
                problem.setInstance(java.net.URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // the target itself was refused; the problem names no instance
            }
        }
        return ResponseEntity.status(code)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
