package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.core.item.DeliverySummary;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Renders a channel's warning codes for people from the message bundle ({@code
 * delivery.warning.<code>}, the subject as {0}; an unknown code reads {@code
 * delivery.warning.other}), in the request's language: Chinese unless the request asked for another
 * (an API call without {@code Accept-Language}, or no request at all, reads Chinese).
 */
@Component
class WarningTexts {

    private static final String PREFIX = "delivery.warning.";

    private final MessageSource messages;

    WarningTexts(MessageSource messages) {
        this.messages = messages;
    }

    DeliverySummary.Warning render(DeliveryWarning warning) {
        Locale locale = locale();
        Object[] subject = {warning.subject() == null ? "—" : warning.subject()};
        String message = messages.getMessage(PREFIX + warning.code(), subject, null, locale);
        if (message == null) {
            message = messages.getMessage(PREFIX + "other", subject, warning.code(), locale);
        }
        return new DeliverySummary.Warning(warning.code(), warning.subject(), message);
    }

    private static Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && (request.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                        || !request.getRequest().getRequestURI().contains("/api/"))) {
            // the console's locale resolver has its own default (zh-CN) and the language cookie
            return LocaleContextHolder.getLocale();
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
