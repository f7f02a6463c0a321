package cn.college.disclosure.core.account;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains. Reading a file ({@code GET /api/media/*}): HTTP Basic or the console's
 * session. The API: HTTP Basic on {@code /api/**}, stateless, no CSRF (no cookies, so nothing to
 * forge). The console and everything else: a login form, a session that times out ({@code
 * server.servlet.session.timeout}), CSRF tokens on every form and on the editor's uploads ({@code
 * POST /console/media}). Roles are checked here; a liaison's department is checked by the items
 * themselves. A channel's service account ({@link Role#CHANNEL}) may only read files.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The roles of people, who use the console and the API; not the channels' service role. */
    private static final String[] PEOPLE = {
        Role.LIAISON.name(), Role.OPERATOR.name(), Role.REPORTER.name(), Role.ADMIN.name()
    };

    /**
     * Reading a file, {@code GET /api/media/{id}}: with HTTP Basic (a channel's service account, a
     * script) or with the console's session, so that the editor shows the images it inserted and
     * offers the attachments for download. The session is only read here, never created, and a read
     * changes nothing, so it needs no CSRF token; every other API request stays Basic only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain mediaReadSecurity(
            HttpSecurity http,
            JsonMapper jsonMapper,
            MessageSource messages,
            SessionRegistry sessions)
            throws Exception {
        ProblemWritingSecurityHandler problems =
                new ProblemWritingSecurityHandler(jsonMapper, messages);
        HttpSessionSecurityContextRepository sessionContexts =
                new HttpSessionSecurityContextRepository();
        sessionContexts.setAllowSessionCreation(false);
        http.securityMatcher(
                        PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.GET, "/api/media/*"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        exceptions ->
                                exceptions
                                        .authenticationEntryPoint(problems)
                                        .accessDeniedHandler(problems))
                .securityContext(context -> context.securityContextRepository(sessionContexts))
                .requestCache(cache -> cache.disable())
                .sessionManagement(
                        session ->
                                session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                                        // a session ended by disabling its user reads nothing
                                        .maximumSessions(-1)
                                        .sessionRegistry(sessions)
                                        .expiredSessionStrategy(
                                                expired ->
                                                        problems.commence(
                                                                expired.getRequest(),
                                                                expired.getResponse(),
                                                                new InsufficientAuthenticationException(
                                                                        "The session has expired"))))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

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
                                        .requestMatchers(HttpMethod.POST, "/api/media")
                                        .hasAnyRole(Role.LIAISON.name(), Role.ADMIN.name())
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
                                        .hasAnyRole(PEOPLE)
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
                                        .requestMatchers(HttpMethod.POST, "/console/media")
                                        .hasAnyRole(Role.LIAISON.name(), Role.ADMIN.name())
                                        .requestMatchers("/", "/console", "/console/**")
                                        .hasAnyRole(PEOPLE)
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
