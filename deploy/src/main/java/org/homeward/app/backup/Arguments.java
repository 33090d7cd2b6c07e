package org.homeward.app.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code <command> --<option> FILE} (or {@code --<option>=FILE}) and the settings after it, as Spring takes them. */
record Arguments(Path file, String[] springArgs) {

    static Arguments parse(String command, String option, String[] args) {
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int i = args.length > 0 && args[0].equals(command) ? 1 : 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--" + option)) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--" + option + " needs a file");
                }
                file = Path.of(args[++i]);
            } else if (arg.startsWith("--" + option + "=")) {
                file = Path.of(arg.substring(option.length() + 3));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                rest.add(arg);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("usage: java -jar homeward.jar " + command + " --" + option
                                               + " FILE [--setting=value ...]");
        }
        return new Arguments(file.toAbsolutePath(), rest.toArray(String[]::new));
    }
}
