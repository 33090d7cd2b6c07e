package org.homeward.app.support;

import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * @param settings further {@code key=value} settings, such as {@code homeward.role=query}; one naming a default
     *                 setting replaces it (a repeated command-line option would be read as a list)
     */
    public HomewardProcess(String databaseUrl, String... settings) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("spring.datasource.url", databaseUrl);
        arguments.put("spring.datasource.username", "postgres");
        arguments.put("server.port", "0");
        arguments.put("management.server.port", "0");
        arguments.put("homeward.access.local-key-file", TestUsers.KEY_FILE.toString());
        arguments.put("homeward.privacy.master-key-file", TestUsers.MASTER_KEY_FILE.toString());
        arguments.put("spring.main.banner-mode", "off");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            arguments.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        context = new SpringApplicationBuilder(HomewardApplication.class).run(
                arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
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

    /** Health and metrics, on the management port, which takes no token. */
    public Api management() {
        return new Api(context.getEnvironment().getRequiredProperty("local.management.port", Integer.class), null);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
