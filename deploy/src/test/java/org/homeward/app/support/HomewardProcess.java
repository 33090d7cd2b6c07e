package org.homeward.app.support;

import java.util.ArrayList;
import java.util.List;
import org.homeward.access.Role;
import org.homeward.app.HomewardApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Homeward process of a deployment, in this JVM: its own application context, port and connection pool on a
 * database it shares with the other processes, as separate machines would.
 */
public final class HomewardProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    /** @param settings further {@code key=value} settings, such as {@code homeward.role=query} */
    public HomewardProcess(String databaseUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                "--server.port=0", "--homeward.access.local-key-file=" + TestUsers.KEY_FILE,
                "--homeward.privacy.master-key-file=" + TestUsers.MASTER_KEY_FILE, "--spring.main.banner-mode=off"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        context = new SpringApplicationBuilder(HomewardApplication.class).run(arguments.toArray(String[]::new));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The API as a synthetic member of staff of {@link SyntheticJourneys#ORGANISATION} sees it. */
    public Api as(Role role) {
        return TestUsers.as(port(), role, role.name().toLowerCase() + "-test", SyntheticJourneys.ORGANISATION);
    }

    public Api anonymous() {
        return new Api(port(), null);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
