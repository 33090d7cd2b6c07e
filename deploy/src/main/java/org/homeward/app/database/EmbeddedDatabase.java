package org.homeward.app.database;

import com.zaxxer.hikari.HikariDataSource;
import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database when none is configured: a real PostgreSQL from the binaries shipped in the jar, keeping
 * its data in a local folder across restarts. Configure {@code spring.datasource.url} to use a server instead.
 *
 * <p>PostgreSQL refuses to run as root. When the application runs as root, zonky starts every PostgreSQL
 * process through {@code unshare -U}, a user namespace in which the process is not root, so the default works
 * for root and non-root alike; {@link #start} checks that this is possible and says what to do when it is not.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${homeward.embedded-database.directory:homeward-data}") Path directory)
            throws IOException {
        return start(directory);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    /** Starts PostgreSQL on a free port with its data in {@code directory}, creating the cluster on first use. */
    public static EmbeddedPostgres start(Path directory) throws IOException {
        if (runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException(
                    "PostgreSQL cannot run as root and this machine does not allow user namespaces (unshare -U). "
                    + "Run Homeward as an unprivileged user, or set SPRING_DATASOURCE_URL to a PostgreSQL server.");
        }
        return EmbeddedPostgres.builder()
                               .setDataDirectory(directory.toAbsolutePath())
                               .setCleanDataDirectory(false)
                               .setServerConfig("max_connections", "100")
                               .start();
    }

    private static boolean runningAsRoot() {
        return System.getProperty("os.name").startsWith("Linux") && new UnixSystem().getUid() == 0;
    }
}
