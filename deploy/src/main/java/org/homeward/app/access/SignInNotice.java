package org.homeward.app.access;

import org.homeward.app.HomewardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, when the application is ready, where its API answers and how a caller gets a token for it, and where
 * its health and metrics are.
 */
@Component
class SignInNotice {

    private static final Logger log = LoggerFactory.getLogger(SignInNotice.class);

    private final Environment environment;
    private final HomewardSettings settings;

    SignInNotice(Environment environment, HomewardSettings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void say() {
        String api = "http://" + environment.getProperty("server.address", "localhost") + ":"
                     + environment.getProperty("local.server.port") + "/api/v1";
        String management = environment.getProperty("local.management.port");
        if (management != null && !management.equals(environment.getProperty("local.server.port"))) {
            log.info("Health and metrics: http://{}:{}/actuator/health and /actuator/prometheus, no token needed",
                     environment.getProperty("management.server.address", "localhost"), management);
        }
        HomewardSettings.Access access = settings.access();
        // the same choice as AccessConfiguration's decoders: an identity provider when either of its URIs is set
        boolean provider = !(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "")
                             + environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ""))
                .isEmpty();
        if (provider) {
            log.info("Sign-in: the API at {} takes bearer tokens from the identity provider {} for audience {}",
                     api, access.issuer(), access.audience());
        } else {
            log.info("Sign-in: local mode; the API at {} takes bearer tokens issued with: java -jar homeward.jar token"
                     + " --user ID --role ROLE --organisation ID --key-file {}", api,
                     access.localKeyFile().toAbsolutePath());
        }
    }
}
