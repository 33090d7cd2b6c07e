package org.homeward.app.integrity;

import java.io.PrintStream;
import java.util.Arrays;
import org.homeward.app.HomewardSettings;
import org.homeward.app.database.EmbeddedDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar homeward.jar verify [--expect=POSITION:HASH] [--spring.datasource.url=...]}: the same check as
 * {@code POST /api/v1/audit/verify} against the configured database, printed as JSON; exit status 0 when intact,
 * 1 when not, 2 when the check could not run. It starts only a data source and the verifier (no web server, no
 * event processors, no migrations: it reads and never writes), so it can run beside a live application.
 */
public final class VerifyCommand {

    private static final String EXPECT = "--expect=";

    private VerifyCommand() {
    }

    /**
     * The same check without the application's entry point:
     * {@code java -cp homeward.jar -Dloader.main=org.homeward.app.integrity.VerifyCommand
     * org.springframework.boot.loader.launch.PropertiesLauncher verify}.
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("verify");
    }

    /** Runs the check and answers the exit status: 0 intact, 1 not intact, 2 the check could not run. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ExternalCopy copy;
        try {
            copy = expected(args);
        } catch (IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            return 2;
        }
        String[] springArgs = Arrays.stream(args).skip(requested(args) ? 1 : 0)
                                    .filter(arg -> !arg.startsWith(EXPECT)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifierOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=warn", "homeward.integrity.checkpoint-key-may-create=false")
                .run(springArgs)) {
            Verification verification = context.getBean(ChainVerifier.class).verify(copy);
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                                  .writeValueAsString(verification));
            return verification.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("verify: the check could not run: " + rootMessage(e));
            return 2;
        }
    }

    private static ExternalCopy expected(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(EXPECT)) {
                String[] parts = arg.substring(EXPECT.length()).split(":", 2);
                if (parts.length != 2 || !parts[0].matches("[1-9][0-9]*") || !parts[1].matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException(
                            "--expect takes POSITION:HASH, e.g. --expect=10000:<64 hex digits>");
                }
                return new ExternalCopy(Long.parseLong(parts[0]), parts[1]);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * A data source (the configured one or the embedded default), a JdbcTemplate, the checkpoint key (read, never
     * created) and the verifier: nothing else.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import({EmbeddedDatabase.class, CheckpointKey.class, ChainVerifier.class})
    @EnableConfigurationProperties(HomewardSettings.class)
    static class VerifierOnly {
    }
}
