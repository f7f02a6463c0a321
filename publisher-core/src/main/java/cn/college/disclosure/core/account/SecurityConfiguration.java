package cn.college.disclosure.core.account;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The API: HTTP Basic on {@code /api/**}, stateless, no CSRF (no cookies, so
 * nothing to forge). The console and everything else: a login form, a session that times out
 * ({@code server.servlet.session.timeout}), CSRF tokens on every form. Roles are checked here; a
 * liaison's department is checked by the items themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, JsonMapper jsonMapper, MessageSource messages) throws Exception {
        ProblemWritingSecurityHandler problems =
                new ProblemWritingSecurityHandler(jsonMapper, messages);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(
                                                "/actuator/health/**", "/actuator/health", "/error")
                                        .permitAll()
                                        .requestMatchers(HttpMethod.POST, "/api/items")
                                        .hasRole(Role.LIAISON.name())
                                        .requestMatchers(HttpMethod.PUT, "/api/items/*")
                                        .hasRole(Role.LIAISON.name())
                                        .requestMatchers(HttpMethod.POST, "/api/items/*/approve")
                                        .hasRole(Role.LIAISON.name())
                                        .requestMatchers(HttpMethod.POST, "/api/items/*/retract")
                                        .hasAnyRole(Role.LIAISON.name(), Role.ADMIN.name())
                                        .requestMatchers(HttpMethod.GET, "/api/channels")
                                        .hasAnyRole(
                                                Role.OPERATOR.name(),
                                                Role.REPORTER.name(),
                                                Role.ADMIN.name())
                                        .requestMatchers(
                                                HttpMethod.POST, "/api/statistics/recompute")
                                        .hasRole(Role.ADMIN.name())
                                        .requestMatchers("/api/statistics/**")
                                        .hasAnyRole(Role.REPORTER.name(), Role.ADMIN.name())
                                        .requestMatchers(HttpMethod.PUT, "/api/calendar/*")
                                        .hasRole(Role.ADMIN.name())
                                        .requestMatchers("/api/operations/**")
                                        .hasAnyRole(Role.OPERATOR.name(), Role.ADMIN.name())
                                        .requestMatchers("/api/audit", "/api/audit/**")
                                        .hasRole(Role.ADMIN.name())
                                        .requestMatchers(HttpMethod.GET, "/api/**")
                                        .authenticated()
                                        .anyRequest()
                                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        exceptions ->
                                exceptions
                                        .authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The console: pages for people, signed in through the form at {@code /login}. */
    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, SessionRegistry sessions)
            throws Exception {
        String[] operators = {Role.OPERATOR.name(), Role.ADMIN.name()};
        http.authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(
                                                "/actuator/health/**",
                                                "/actuator/health",
                                                "/error",
                                                "/login",
                                                "/webjars/**",
                                                "/console/assets/**",
                                                "/favicon.ico")
                                        .permitAll()
                                        .requestMatchers("/console/operations/**")
                                        .hasAnyRole(operators)
                                        .requestMatchers("/console/statistics/**")
                                        .hasAnyRole(Role.REPORTER.name(), Role.ADMIN.name())
                                        .requestMatchers("/console/admin/**")
                                        .hasRole(Role.ADMIN.name())
                                        .requestMatchers(
                                                HttpMethod.POST, "/console/items/*/retract")
                                        .hasAnyRole(Role.LIAISON.name(), Role.ADMIN.name())
                                        .requestMatchers(HttpMethod.POST, "/console/items/**")
                                        .hasRole(Role.LIAISON.name())
                                        .requestMatchers(
                                                "/console/items/new", "/console/items/*/edit")
                                        .hasRole(Role.LIAISON.name())
                                        .requestMatchers("/", "/console", "/console/**")
                                        .authenticated()
                                        .anyRequest()
                                        .denyAll())
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .defaultSuccessUrl("/console", true)
                                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(
                        exceptions ->
                                exceptions.authenticationEntryPoint(
                                        new HtmxLoginEntryPoint("/login")))
                .sessionManagement(
                        session ->
                                session.sessionFixation(fixation -> fixation.changeSessionId())
                                        // no cap on sessions per user; registered so that
                                        // disabling a user ends the sessions they have open
                                        .maximumSessions(-1)
                                        .sessionRegistry(sessions)
                                        .expiredUrl("/login?expired"));
        return http.build();
    }

    /** The console's open sessions, per user: see {@link Accounts#setEnabled}. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so it does not keep dead ones. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
