package cn.college.disclosure.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests whose media type headers cannot be read: a {@code Content-Type} that is a
 * wildcard or not a media type (415), an {@code Accept} that does not parse (406). Spring MVC would
 * fail on the first with an exception no handler expects, and could not write any answer for the
 * second.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MediaTypeFilter extends OncePerRequestFilter {

    private final ContainerProblems problems;

    MediaTypeFilter(ContainerProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ContainerProblems.isApi(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !parses(accept)) {
            refuse(request, response, HttpStatus.NOT_ACCEPTABLE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean parses(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(ContainerProblems.contentType());
        response.getWriter()
                .write(problems.json(problems.of(status.value(), request.getRequestURI())));
    }
}
