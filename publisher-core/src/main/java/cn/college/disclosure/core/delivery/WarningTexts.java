package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.core.item.DeliverySummary;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Renders a channel's warning codes for people from the message bundle ({@code
 * delivery.warning.<code>}, the subject as {0}; an unknown code reads {@code
 * delivery.warning.other}), in the request's language.
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

    /**
     * The request's language as the console's locale resolver decides it (its default, zh-CN, also
     * for an API call without {@code Accept-Language}); Chinese outside a request.
     */
    private static Locale locale() {
        return RequestContextHolder.getRequestAttributes() == null
                ? Locale.SIMPLIFIED_CHINESE
                : LocaleContextHolder.getLocale();
    }
}
