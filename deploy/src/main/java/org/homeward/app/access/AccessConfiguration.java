package org.homeward.app.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.homeward.access.Caller;
import org.homeward.access.Role;
import org.homeward.app.HomewardSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint is denied unless a rule below allows it. Callers authenticate with a bearer token (JWT) from the
 * configured identity provider, or in local mode from Homeward's own signing key; the token's claims say who
 * they are (see {@link CallerClaims}); every token must say when it was issued and expire within
 * {@code homeward.access.max-token-lifetime}. Which journey a caller may see or change is decided further in, by the
 * side that knows whose journey it is.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final String NO_PROVIDER = "'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}"
                                              + "${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isEmpty()";
    private static final String CASE_MANAGER = Role.CASE_MANAGER.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String EVALUATOR = Role.EVALUATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMINISTRATOR = Role.ADMINISTRATOR.name();
    private static final String[] ALL_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    /**
     * The management port (health and metrics, {@code management.server.port}): open without a token, as an
     * orchestrator's probes and a metrics scraper use it, and serving nothing else. It listens on loopback unless
     * the operator binds it to the cluster network ({@code management.server.address}); the API's port never
     * serves these endpoints then. Ordered first, so that a request to this port never reaches the API's rules.
     * With no separate management port the endpoints are on the API's port, under its rules below.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain management(HttpSecurity http, Environment environment, RefusalResponses refusals)
            throws Exception {
        http.securityMatcher(request -> onManagementPort(request, environment))
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(rules -> rules
                    .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                     "/actuator/info").permitAll()
                    .anyRequest().denyAll())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        return http.build();
    }

    /** Whether the request came in on a management port of its own (Spring Boot names it once it listens). */
    private static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        return management != null && request.getLocalPort() == management
               && !management.equals(environment.getProperty("local.server.port", Integer.class));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, RefusalResponses refusals) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(rules -> rules
                    .requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers(GET, "/actuator/prometheus").hasRole(ADMINISTRATOR)
                    // the API's description holds no data, and API catalogues and client generators fetch it
                    // without a token
                    .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
                                     "/swagger-ui/**")
                    .permitAll()
                    // evaluators need the program list to filter outcomes by program; it names no person
                    .requestMatchers(GET, "/api/v1/programs").hasAnyRole(ALL_ROLES)
                    .requestMatchers(GET, "/api/v1/milestone-types")
                    .hasAnyRole(CASE_MANAGER, SUPERVISOR, AUDITOR, ADMINISTRATOR)
                    .requestMatchers(POST, "/api/v1/programs", "/api/v1/programs/**").hasRole(ADMINISTRATOR)
                    .requestMatchers(POST, "/api/v1/journeys/*/erasure").hasRole(SUPERVISOR)
                    // supervisors see every journey of their organisation, so they alone weigh two of them
                    .requestMatchers(GET, "/api/v1/possible-duplicates").hasRole(SUPERVISOR)
                    .requestMatchers(POST, "/api/v1/possible-duplicates/*/confirmation",
                                     "/api/v1/possible-duplicates/*/dismissal").hasRole(SUPERVISOR)
                    .requestMatchers(POST, "/api/v1/journeys", "/api/v1/journeys/**")
                    .hasAnyRole(CASE_MANAGER, SUPERVISOR)
                    .requestMatchers(GET, "/api/v1/journeys/*/timeline", "/api/v1/journeys/*/history")
                    .hasAnyRole(CASE_MANAGER, SUPERVISOR, AUDITOR)
                    .requestMatchers(GET, "/api/v1/caseloads/*").hasAnyRole(CASE_MANAGER, SUPERVISOR)
                    // a partner's staff: the referrals made to their organisation
                    .requestMatchers(GET, "/api/v1/referrals", "/api/v1/referrals/*")
                    .hasAnyRole(CASE_MANAGER, SUPERVISOR)
                    .requestMatchers(POST, "/api/v1/referrals/*/*").hasAnyRole(CASE_MANAGER, SUPERVISOR)
                    .requestMatchers(GET, "/api/v1/outcomes", "/api/v1/outcomes/**").hasRole(EVALUATOR)
                    .requestMatchers(POST, "/api/v1/audit/verify").hasAnyRole(AUDITOR, ADMINISTRATOR)
                    .requestMatchers(GET, "/api/v1/audit/**").hasRole(AUDITOR)
                    .requestMatchers("/api/v1/admin/**").hasRole(ADMINISTRATOR)
                    .anyRequest().denyAll())
            .oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessConfiguration::authentication))
                    .authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
            .addFilterAfter(new CallerOnRequest(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Local mode: no identity provider configured, so tokens are checked against Homeward's own key. No audience:
     * that key signs tokens for Homeward only.
     */
    @Bean
    @ConditionalOnExpression(NO_PROVIDER)
    JwtDecoder localTokens(HomewardSettings settings, Clock clock) {
        HomewardSettings.Access access = settings.access();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(LocalSigningKey.loadOrCreate(access.localKeyFile())
                                                                                 .key())
                                                   .macAlgorithm(MacAlgorithm.HS256)
                                                   .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(LocalSigningKey.ISSUER),
                new TokenLifetime(access.maxTokenLifetime(), clock)));
        return decoder;
    }

    /**
     * An identity provider signs tokens for every application (client) it serves, and one key set may serve
     * several realms: without the issuer and audience checked, a token the provider issued to any of them would
     * open Homeward. So both must be configured, or the application does not start.
     */
    @Bean
    @ConditionalOnExpression("!(" + NO_PROVIDER + ")")
    JwtDecoder providerTokens(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                              @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
                              HomewardSettings settings, Clock clock) {
        String issuer = settings.access().issuer();
        String audience = settings.access().audience();
        Duration maxLifetime = settings.access().maxTokenLifetime();
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalStateException("An identity provider is configured, so homeward.access.issuer (the"
                                            + " provider's iss) and homeward.access.audience (the aud it gives"
                                            + " Homeward's tokens) must be set too");
        }
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new TokenLifetime(maxLifetime, clock));
        if (!jwkSetUri.isBlank()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(checks);
            return decoder;
        }
        // the provider's metadata is fetched at the first token, so a provider briefly down does not stop the start
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuerUri);
            decoder.setJwtValidator(checks);
            return decoder;
        });
    }

    /** A token whose claims name no known role and organisation is authenticated but allowed nothing. */
    private static AbstractAuthenticationToken authentication(Jwt token) {
        List<SimpleGrantedAuthority> authorities =
                CallerClaims.read(token)
                            .map(caller -> List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())))
                            .orElse(List.of());
        return new JwtAuthenticationToken(token, authorities, token.getSubject());
    }

    /** Puts the authenticated {@link Caller} on the request, where both sides' endpoints read it. */
    private static final class CallerOnRequest extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken authenticated) {
                CallerClaims.read(authenticated.getToken())
                            .ifPresent(caller -> request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller));
            }
            chain.doFilter(request, response);
        }
    }
}
