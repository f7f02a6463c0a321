package cn.college.disclosure.core.web;

import java.util.function.Consumer;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Every answer of 400 or more under {@code /api} is problem details, also those given before Spring
 * MVC: Spring Security's firewall, Tomcat's own refusals and Boot's {@code /error} page. And JSON
 * input is read strictly, so that a wrong type is a 400 naming the field rather than a value
 * guessed.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblemsConfiguration {

    /**
     * No coercion between JSON's scalar types: a number or a boolean is not a string, a string or a
     * boolean is not a number, a fraction is not an integer, a number is not a date or an enum
     * constant. Jackson's default would store {@code "producedOn": 20210310} as the 20210310th day
     * after 1970 (year 57303) and {@code 7.5} as 7. Applies to every JSON body the core reads with
     * Boot's mapper, which writes each of these types in its own shape.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder ->
                builder.withCoercionConfig(
                                LogicalType.Textual,
                                refuse(
                                        CoercionInputShape.Integer,
                                        CoercionInputShape.Float,
                                        CoercionInputShape.Boolean))
                        .withCoercionConfig(
                                LogicalType.Integer,
                                refuse(
                                        CoercionInputShape.String,
                                        CoercionInputShape.Float,
                                        CoercionInputShape.Boolean))
                        .withCoercionConfig(
                                LogicalType.Float,
                                refuse(CoercionInputShape.String, CoercionInputShape.Boolean))
                        .withCoercionConfig(
                                LogicalType.Boolean,
                                refuse(
                                        CoercionInputShape.String,
                                        CoercionInputShape.Integer,
                                        CoercionInputShape.Float))
                        .withCoercionConfig(
                                LogicalType.DateTime,
                                refuse(CoercionInputShape.Integer, CoercionInputShape.Float))
                        .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer));
    }

    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /** The firewall's refusal (an encoded dot or slash, a semicolon, an unknown method). */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ContainerProblems problems) {
        return (request, response, rejected) -> {
            if (!ContainerProblems.isApi(request.getRequestURI())) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(ContainerProblems.contentType());
            response.getWriter()
                    .write(
                            problems.json(
                                    problems.of(
                                            HttpStatus.BAD_REQUEST.value(),
                                            request.getRequestURI())));
        };
    }

    /** Tomcat's own refusals (an encoded NUL or slash, a path that is not UTF-8). */
    @Bean
    ProblemReportValveCustomizer problemReportValve(ContainerProblems problems) {
        return new ProblemReportValveCustomizer(problems);
    }

    @Bean
    ProblemErrorController errorController(
            ErrorAttributes errorAttributes,
            org.springframework.boot.autoconfigure.web.WebProperties webProperties,
            ObjectProvider<ErrorViewResolver> resolvers,
            ContainerProblems problems,
            JsonMapper jsonMapper) {
        return new ProblemErrorController(
                errorAttributes,
                webProperties,
                resolvers.orderedStream().toList(),
                problems,
                jsonMapper);
    }

    /**
     * Replaces Tomcat's error report valve by one that writes problem details for the API. Runs
     * after Boot's customizer (order 0), which installs a plain one; the host then finds a valve of
     * its error report class in its pipeline and adds none of its own.
     */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ContainerProblems problems;

        ProblemReportValveCustomizer(ContainerProblems problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(
                    context -> {
                        if (context.getParent() instanceof StandardHost host) {
                            for (Valve valve : host.getPipeline().getValves()) {
                                if (valve instanceof ErrorReportValve) {
                                    host.getPipeline().removeValve(valve);
                                }
                            }
                            host.setErrorReportValveClass(ProblemReportValve.class.getName());
                            host.getPipeline().addValve(new ProblemReportValve(problems));
                        }
                    });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
