package org.homeward.app.web;

import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.homeward.access.Role;
import org.homeward.app.web.signin.OneTimeCode;
import org.homeward.app.web.signin.PersonAccounts;
import org.homeward.app.web.signin.ProviderSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web app's pages: people sign in with a form and stay signed in with a session cookie; every form carries a
 * CSRF token. The API keeps its own chain (bearer tokens, no session) for everything under {@code /api/}. What a
 * page may show or record is decided by the API it calls ({@link InProcessApi}); the rules here only send people
 * who are not signed in to the sign-in page, and keep the account pages to administrators.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /**
     * Nothing but the jar's own files, no inline script or style (so an injected one never runs), no framing, and
     * forms sent only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
                                                  + " img-src 'self' data:; font-src 'self'; connect-src 'self';"
                                                  + " form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
                                                  + " object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider accountSignIn, PersonAccounts accounts,
                              ObjectProvider<ClientRegistrationRepository> identityProviders, MessageSource messages)
            throws Exception {
        http.securityMatcher(WebSecurity::isPage)
            .authenticationProvider(accountSignIn)
            .authorizeHttpRequests(rules -> rules
                    .requestMatchers(GET, "/sign-in", "/assets/**").permitAll()
                    .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                    .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/sign-in").usernameParameter("user").passwordParameter("password")
                                   .authenticationDetailsSource(
                                           request -> new OneTimeCode(request.getParameter("code")))
                                   .defaultSuccessUrl("/").failureUrl("/sign-in?refused").permitAll())
            .logout(signOut -> signOut.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frames -> frames.deny()))
            .exceptionHandling(refusals -> refusals.accessDeniedHandler(new PageRefusals(messages)))
            .addFilterBefore(new MalformedRequests(), DisableEncodeUrlFilter.class)
            .addFilterAfter(new DisabledAccounts(accounts), AuthorizationFilter.class);
        ClientRegistrationRepository providers = identityProviders.getIfAvailable();
        if (providers != null) {
            http.oauth2Login(login -> ProviderSignIn.configure(login, providers));
        }
        return http.build();
    }

    /** Everything but the API, its description, and health and metrics. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                 || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }

    /**
     * A request no browser sends — a query that is not validly percent-encoded, an Accept header that is no list of
     * media types, a body with a GET — is refused (400, written by the server's error report) before anything reads
     * it: the redirect to the sign-in page would otherwise keep it for later and fail on it.
     */
    private static final class MalformedRequests extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean malformed = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                                      && (request.getContentLengthLong() > 0
                                          || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
            try {
                MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
                request.getParameterMap();
            } catch (RuntimeException unreadable) {
                malformed = true;
            }
            if (malformed) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** A person whose account an administrator disabled is signed out at their next request. */
    private static final class DisabledAccounts extends OncePerRequestFilter {

        private final PersonAccounts accounts;

        DisabledAccounts(PersonAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // a local account's sign-in; a person the identity provider signed in is the provider's to disable
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            SignedInPerson person = signedIn instanceof UsernamePasswordAuthenticationToken
                                    ? SignedInPerson.of(signedIn) : null;
            if (person != null && !accounts.active(person.userId())) {
                SecurityContextHolder.clearContext();
                if (request.getSession(false) != null) {
                    request.getSession(false).invalidate();
                }
                response.sendRedirect("/sign-in");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
