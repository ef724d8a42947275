package org.bluehelm.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: each request signs in with a personal
 * access token (Bearer) or HTTP Basic, so no cookie can be abused and CSRF tokens are not needed.
 * The browser UI signs in with a form, keeps a session and checks CSRF tokens on every form.
 * Both send a strict Content-Security-Policy: scripts and styles only from this server.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The policy of a progress report's HTML ({@code /reports/{id}.html} and its API twin): a
     * self-contained document whose only styling is its own inline style sheet (the PDF is made
     * from the same HTML). Its styles apply, and nothing else: no scripts, requests or forms.
     */
    static final String STANDALONE_DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline';"
            + " img-src data:; font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final RequestMatcher STANDALONE_DOCUMENTS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/reports/*.html"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/reports/*.html"));

    private static final String[] MANAGERS = {"ADMIN", "MISSION_MANAGER"};
    private static final String[] STEWARDS = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD"};
    private static final String[] DATA_ENTRY = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD", "PARTNER"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // not when the jar runs a command (see org.bluehelm.cli.CommandLine)
    SecurityFilterChain api(
            HttpSecurity http, TokenService tokens, BluehelmUserDetailsService userDetails, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/users/**", "/api/v1/admin/**")
                        .hasRole("ADMIN")
                        // the transparency portal's read-only API: approved, released, suppressed figures for anyone
                        .requestMatchers(HttpMethod.GET, "/api/public/v1/**")
                        .permitAll()
                        .requestMatchers("/api/v1/me", "/api/v1/me/**")
                        .authenticated()
                        // the complaint service answers "not found" to whoever may not see a case (never 403)
                        .requestMatchers("/api/v1/complaints", "/api/v1/complaints/**")
                        .authenticated()
                        // outcome series and the reference panel: every user reads and uploads; the service limits who
                        // sees an upload
                        .requestMatchers("/api/v1/reference", "/api/v1/reference/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .authenticated()
                        // the estimators compute on the panel sent (or a shared panel source) and store nothing
                        .requestMatchers(HttpMethod.POST, "/api/v1/evidence/*")
                        .authenticated()
                        // every user arranges dashboards of their own; the service lets only the owner change one
                        .requestMatchers("/api/v1/dashboards", "/api/v1/dashboards/**")
                        .authenticated()
                        .requestMatchers(
                                "/api/v1/dataValues",
                                "/api/v1/dataValues/**",
                                "/api/v1/dataValueSets",
                                "/api/v1/dataValueSets/**",
                                "/api/v1/approvals",
                                "/api/v1/approvals/**",
                                "/api/v1/alerts",
                                "/api/v1/alerts/**")
                        .hasAnyRole(DATA_ENTRY)
                        .requestMatchers(
                                "/api/v1/indicators",
                                "/api/v1/indicators/**",
                                "/api/v1/disaggregations",
                                "/api/v1/disaggregations/**",
                                "/api/v1/alert-rules",
                                "/api/v1/alert-rules/**")
                        .hasAnyRole(STEWARDS)
                        .anyRequest()
                        .hasAnyRole(MANAGERS))
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> problems.write(
                        response, 401, "unauthenticated", "Sign in with a personal access token or HTTP Basic")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, userDetails, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                response, 401, "unauthenticated", "Sign in with a personal access token or HTTP Basic"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(response, 403, "forbidden", "Your role does not allow this")))
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/report",
                                "/report/**",
                                "/public",
                                "/public/**")
                        .permitAll()
                        // the complaint services answer "not found" to whoever may not see a case (never 403)
                        .requestMatchers("/complaints", "/complaints/**")
                        .authenticated()
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .headers(this::headers);
        return http.build();
    }

    private void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter((request, response) -> response.setHeader(
                        "Content-Security-Policy",
                        STANDALONE_DOCUMENTS.matches(request) ? STANDALONE_DOCUMENT_POLICY : CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                .frameOptions(f -> f.deny());
    }
}
