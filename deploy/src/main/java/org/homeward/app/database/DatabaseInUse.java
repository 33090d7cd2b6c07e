package org.homeward.app.database;

import org.homeward.app.HomewardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once, when the application is ready, which database it runs on; never a user name or a password. */
@Component
class DatabaseInUse {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInUse.class);

    private final ObjectProvider<EmbeddedServer> embedded;
    private final Environment environment;
    private final HomewardSettings settings;

    DatabaseInUse(ObjectProvider<EmbeddedServer> embedded, Environment environment, HomewardSettings settings) {
        this.embedded = embedded;
        this.environment = environment;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void say() {
        EmbeddedServer server = embedded.getIfAvailable();
        if (server != null) {
            log.info("Database: embedded PostgreSQL on 127.0.0.1:{}, data in {}", server.port(),
                     settings.embeddedDatabase().directory().toAbsolutePath());
        } else {
            log.info("Database: PostgreSQL server {}", where(environment.getProperty("spring.datasource.url", "")));
        }
    }

    /**
     * The host and database of a JDBC URL such as {@code jdbc:postgresql://db:5432/homeward?sslmode=require}. What
     * follows {@code ?} may carry a user and a password, so it is never part of the answer.
     */
    static String where(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql:", "").split("[?;]", 2)[0];
        if (!rest.startsWith("//")) {
            return "localhost, database " + rest.replaceFirst("^/", "");
        }
        String[] hostAndDatabase = rest.substring(2).split("/", 2);
        // the driver takes no user in the host part, but a URL written by hand might carry one
        String host = hostAndDatabase[0].substring(hostAndDatabase[0].lastIndexOf('@') + 1);
        return host + ", database " + (hostAndDatabase.length > 1 ? hostAndDatabase[1] : "(the user's)");
    }
}
