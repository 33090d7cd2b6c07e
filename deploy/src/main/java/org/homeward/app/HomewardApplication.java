package org.homeward.app;

import java.time.Clock;
import org.homeward.app.access.TokenCommand;
import org.homeward.app.backup.BackupCommand;
import org.homeward.app.backup.RestoreCommand;
import org.homeward.app.integrity.VerifyCommand;
import org.homeward.app.operations.HealthCommand;
import org.homeward.app.web.signin.AccountCommand;
import org.homeward.command.CommandSide;
import org.homeward.query.QuerySide;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar, both sides by default. {@code homeward.role} ({@code all}, {@code command}, {@code query}) lets an
 * operator run each side as its own process against the same database.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(HomewardSettings.class)
public class HomewardApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.run(args);
            return;
        }
        if (HealthCommand.requested(args)) {
            System.exit(HealthCommand.run(args));
        }
        if (VerifyCommand.requested(args)) {
            System.exit(VerifyCommand.run(args));
        }
        if (BackupCommand.requested(args)) {
            System.exit(BackupCommand.run(args));
        }
        if (AccountCommand.requested(args)) {
            System.exit(AccountCommand.run(args));
        }
        if (RestoreCommand.requested(args)) {
            System.exit(RestoreCommand.run(args));
        }
        // Axon's twelve-line advertisement for its hosted console, printed at every start otherwise
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(HomewardApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration
    @ConditionalOnExpression("'${homeward.role}' matches 'all|command'")
    @Import(CommandSide.class)
    static class CommandRole {
    }

    @Configuration
    @ConditionalOnExpression("'${homeward.role}' matches 'all|query'")
    @Import(QuerySide.class)
    static class QueryRole {
    }
}
