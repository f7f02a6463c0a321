package cn.college.disclosure.core.console;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Chinese unless the visitor chose English with {@code ?lang=en}, which a
 * cookie remembers for a year; a cookie of any other value (or none that parses) is Chinese. The
 * API answers in the language of {@code Accept-Language} (its validation messages), Chinese when
 * the request names none.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "console-lang";

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver(ConsoleProperties properties) {
        CookieLocaleResolver resolver = new KnownLanguageCookieResolver();
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(
                request ->
                        request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                                        && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                                ? request.getLocale()
                                : properties.defaultLocale());
        return resolver;
    }

    /**
     * Reads the cookie as one of the console's two languages (the bundles' Chinese and English);
     * any other value counts as no cookie, so the default applies instead of an error.
     */
    static final class KnownLanguageCookieResolver extends CookieLocaleResolver {

        KnownLanguageCookieResolver() {
            super(LANGUAGE_COOKIE);
        }

        @Override
        protected @Nullable Locale parseLocaleValue(String value) {
            Locale locale;
            try {
                locale = super.parseLocaleValue(value);
            } catch (IllegalArgumentException notALocale) {
                return null;
            }
            if (locale == null) {
                return null;
            }
            return switch (locale.getLanguage()) {
                case "zh" -> Locale.SIMPLIFIED_CHINESE;
                case "en" -> Locale.ENGLISH;
                default -> null;
            };
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
