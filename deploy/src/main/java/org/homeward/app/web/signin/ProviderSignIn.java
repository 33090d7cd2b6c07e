package org.homeward.app.web.signin;

import java.util.List;
import org.homeward.app.web.SignedInPerson;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through the organisation's identity provider: OpenID Connect, authorization code with PKCE (also for a
 * confidential client, so an intercepted code is worth nothing). The ID token must say who the person is with the
 * same claims as the API's tokens ({@code sub}, {@code homeward_role}, {@code homeward_organisation}); a person
 * whose token does not is refused, as at the API. Configured with Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>.*} and {@code ...provider.<id>.issuer-uri}.
 */
public final class ProviderSignIn {

    private ProviderSignIn() {
    }

    public static void configure(OAuth2LoginConfigurer<HttpSecurity> login, ClientRegistrationRepository providers) {
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(providers, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        login.loginPage("/sign-in")
             .failureUrl("/sign-in?refused")
             .defaultSuccessUrl("/")
             .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
             .userInfoEndpoint(userInfo -> userInfo.oidcUserService(ProviderSignIn::person));
    }

    /** The provider's person, with the one role the ID token names as their authority. */
    private static OidcUser person(OidcUserRequest request) {
        OidcUser user = new OidcUserService().loadUser(request);
        SignedInPerson person = SignedInPerson.of(user.getClaims());
        if (person == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("homeward_claims",
                    "the ID token names no Homeward role and organisation", null));
        }
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + person.role().name())),
                                   user.getIdToken(), user.getUserInfo());
    }
}
