package cn.college.disclosure.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code publisher.web.max-request-size} with 413: at once when the
 * declared length is over it, or while reading when a chunked body grows over it. File uploads
 * ({@code POST /api/media}, {@code POST /console/media}) have the media store's limit instead,
 * {@code publisher.media.max-size}, enforced by the multipart configuration and while streaming.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper jsonMapper;
    private final MessageSource messages;

    RequestSizeLimitFilter(
            WebProperties properties, JsonMapper jsonMapper, MessageSource messages) {
        this.limit = properties.maxRequestSize().toBytes();
        this.jsonMapper = jsonMapper;
        this.messages = messages;
    }

    /** The uploads, limited by {@code publisher.media.max-size} instead. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && (path.equals("/api/media") || path.equals("/console/media"));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE,
                            messages.getMessage(
                                    "problem.requestTooLarge",
                                    new Object[] {String.valueOf(limit)},
                                    "The request is too large",
                                    Locale.SIMPLIFIED_CHINESE));
            problem.setTitle(
                    messages.getMessage(
                            "problem.title.413",
                            null,
                            "Request too large",
                            Locale.SIMPLIFIED_CHINESE));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Connection", "close");
            jsonMapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Counts the bytes read and fails the read that goes over the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream delegate = super.getInputStream();
                stream =
                        new ServletInputStream() {
                            private long count;

                            @Override
                            public int read() throws IOException {
                                int b = delegate.read();
                                if (b >= 0) {
                                    count(1);
                                }
                                return b;
                            }

                            @Override
                            public int read(byte[] buffer, int offset, int length)
                                    throws IOException {
                                int n = delegate.read(buffer, offset, length);
                                if (n > 0) {
                                    count(n);
                                }
                                return n;
                            }

                            private void count(int n) throws IOException {
                                count += n;
                                if (count > limit) {
                                    throw new RequestTooLarge(limit);
                                }
                            }

                            @Override
                            public boolean isFinished() {
                                return delegate.isFinished();
                            }

                            @Override
                            public boolean isReady() {
                                return delegate.isReady();
                            }

                            @Override
                            public void setReadListener(ReadListener listener) {
                                delegate.setReadListener(listener);
                            }
                        };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(
                    new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
