package cn.college.disclosure.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's {@code /error} page, which answers an API request with problem details: what ends there
 * was refused before a controller could answer (a method Tomcat does not allow, such as TRACE, an
 * error the servlet container raised, an exception no handler knew). Console and other paths keep
 * Boot's answer.
 */
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    private final ContainerProblems problems;
    private final JsonMapper jsonMapper;

    ProblemErrorController(
            ErrorAttributes errorAttributes,
            org.springframework.boot.autoconfigure.web.WebProperties webProperties,
            List<ErrorViewResolver> resolvers,
            ContainerProblems problems,
            JsonMapper jsonMapper) {
        super(errorAttributes, webProperties.getError(), resolvers);
        this.problems = problems;
        this.jsonMapper = jsonMapper;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        String uri = originalUri(request);
        if (!ContainerProblems.isApi(uri)) {
            return super.errorHtml(request, response);
        }
        int status = getStatus(request).value();
        response.setStatus(status);
        response.setContentType(ContainerProblems.contentType());
        try {
            response.getWriter().write(problems.json(problems.of(status, uri)));
        } catch (IOException gone) {
            // the client left; there is nobody to answer
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        String uri = originalUri(request);
        if (!ContainerProblems.isApi(uri)) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        Map<String, Object> body =
                jsonMapper.readValue(
                        problems.json(problems.of(status.value(), uri)),
                        new TypeReference<Map<String, Object>>() {});
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static @Nullable String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? null : uri.toString();
    }
}
