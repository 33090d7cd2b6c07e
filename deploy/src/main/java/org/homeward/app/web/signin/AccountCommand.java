package org.homeward.app.web.signin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.HomewardSettings;
import org.homeward.app.database.EmbeddedDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar homeward.jar account create --user admin-1 --role ADMINISTRATOR --organisation org-north}
 * creates a local account for the web app, the first administrator above all (the others are created on the admin
 * page). The password is read from the terminal without echo, or from the first line of standard input when none
 * is attached (a script): never from an argument, which other accounts on the machine could read from the process
 * list. It starts only a data source and the migrations (the embedded database too when none is configured).
 */
public final class AccountCommand {

    private AccountCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 1 && args[0].equals("account") && args[1].equals("create");
    }

    /** Answers the exit status: 0 created, 1 refused (the account exists, or a field is wrong), 2 could not run. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--spring.") || args[i].startsWith("--homeward.")) {
                springArgs.add(args[i]);
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            }
        }
        String user = options.get("--user");
        String organisation = options.get("--organisation");
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(options.get("--role"))).findFirst()
                          .orElse(null);
        if (user == null || organisation == null || role == null) {
            err.println("usage: account create --user ID --role " + Arrays.toString(Role.values())
                        + " --organisation ID   (the password is asked for)");
            return 2;
        }
        String password = password(err);
        var refused = PersonAccounts.problem(user, organisation, password);
        if (refused.isPresent()) {
            err.println("account: " + refused.get()[0] + " " + refused.get()[1]);
            return 1;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountsOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=warn")
                .run(springArgs.toArray(String[]::new))) {
            if (!context.getBean(PersonAccounts.class).create(user, role, organisation, password, "command-line")) {
                err.println("account: " + user + " exists already");
                return 1;
            }
            out.println("account " + user + " created: " + role + " of " + organisation);
            return 0;
        } catch (RuntimeException e) {
            err.println("account: could not run: " + e.getMessage());
            return 2;
        }
    }

    private static String password(PrintStream err) {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password (%d to %d characters): ", PersonAccounts.SHORTEST_PASSWORD,
                                                PersonAccounts.LONGEST_PASSWORD);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("account: the two passwords differ");
                return null;
            }
            return new String(first);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** A data source (the configured one or the embedded default), the migrations, and the accounts. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                              FlywayAutoConfiguration.class})
    @Import({EmbeddedDatabase.class, PersonAccounts.class, SecondFactor.class})
    @EnableConfigurationProperties(HomewardSettings.class)
    static class AccountsOnly {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
