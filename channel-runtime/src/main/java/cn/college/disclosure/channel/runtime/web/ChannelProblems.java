package cn.college.disclosure.channel.runtime.web;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The texts of a channel service's problem details: short Chinese, from the runtime's own bundle
 * ({@code problems.properties} beside this class), whatever the channel's own message source or the
 * request's language. Nothing of an exception's English reaches the client.
 */
final class ChannelProblems {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ChannelProblems() {
        messages.setBasename("cn/college/disclosure/channel/runtime/web/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** A problem of the status, with the status's title and detail. */
    ProblemDetail of(HttpStatusCode status) {
        return of(status, "problem.detail." + status.value());
    }

    /** A problem of the status, with the status's title and the detail of the code. */
    ProblemDetail of(HttpStatusCode status, String detailCode, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text("problem.title." + status.value(), text("problem.title.other", "")));
        problem.setDetail(
                text(
                        detailCode,
                        text("problem.detail." + status.value(), text("problem.detail.other", "")),
                        arguments));
        return problem;
    }

    private String text(String code, String fallback, Object... arguments) {
        return messages.getMessage(code, arguments, fallback, CHINESE);
    }
}
