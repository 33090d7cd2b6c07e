package org.homeward.app.access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.homeward.access.Caller;
import org.homeward.access.Role;

/**
 * {@code java -jar homeward.jar token --user cm-017 --role CASE_MANAGER --organisation org-north [--hours 8]
 * [--key-file homeward-keys/local-signing.key]} prints a local-mode token for that person. Whoever can read the
 * key file can issue tokens, which is why it is readable by its owner only. No token lasts longer than
 * {@value LocalSigningKey#LONGEST_LIFETIME_HOURS} hours.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String user = options.get("--user");
        String role = options.get("--role");
        String organisation = options.get("--organisation");
        if (user == null || role == null || organisation == null) {
            System.err.println("usage: token --user ID --role " + java.util.Arrays.toString(Role.values())
                               + " --organisation ID [--hours 8] [--key-file homeward-keys/local-signing.key]");
            System.exit(2);
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(
                Path.of(options.getOrDefault("--key-file", "homeward-keys/local-signing.key")));
        Duration lifetime = Duration.ofHours(Long.parseLong(options.getOrDefault("--hours", "8")));
        try {
            System.out.println(key.issue(new Caller(user, Role.valueOf(role), organisation), lifetime));
        } catch (IllegalArgumentException tooLong) {
            System.err.println(tooLong.getMessage() + ": ask for --hours " + LocalSigningKey.LONGEST_LIFETIME_HOURS
                               + " or fewer");
            System.exit(2);
        }
    }
}
