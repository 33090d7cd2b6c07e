package org.homeward.app.web.signin;

import java.util.List;
import org.homeward.app.HomewardSettings;
import org.homeward.app.web.SignedInPerson;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs a person in with a local account. Every refusal is the same, whether the user id is unknown, the password
 * wrong, or the account locked or disabled, so that the sign-in page tells an attacker nothing.
 */
@Component
class AccountSignIn implements AuthenticationProvider {

    private final PersonAccounts accounts;
    private final HomewardSettings.Web settings;

    AccountSignIn(PersonAccounts accounts, HomewardSettings settings) {
        this.accounts = accounts;
        this.settings = settings.web();
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        PersonAccounts.Account account =
                accounts.signIn(attempt.getName(), String.valueOf(attempt.getCredentials()),
                                attempt.getDetails() instanceof OneTimeCode code ? code.code() : null,
                                settings.signInAttempts(), settings.lockout())
                        .orElseThrow(() -> new BadCredentialsException("sign-in refused"));
        SignedInPerson person = new SignedInPerson(account.userId(), account.role(), account.organisationId());
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                person, null, List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        signedIn.setDetails(OneTimeCode.NONE);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
