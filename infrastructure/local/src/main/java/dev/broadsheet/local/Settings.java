package dev.broadsheet.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the local API.
 *
 * @param port       0 for any free port
 * @param dataDir    where the emulators keep their data across restarts; null for memory only
 * @param fresh      delete {@code dataDir} before starting
 * @param parameters template parameter overrides, by name
 */
public record Settings(int port, Path dataDir, boolean fresh, Map<String, String> parameters) {

    public static final int DEFAULT_PORT = 3000;

    static final String USAGE = """
            Usage: java -jar infrastructure/local/target/broadsheet-local.jar [options]

            Serves the HTTP API of template.yaml on http://localhost:PORT, invoking the handlers in-process
            against local DynamoDB and S3 emulators that start with the sample article published.

              --port N            port to listen on (env BROADSHEET_PORT; default 3000, as sam local start-api)
              --data-dir DIR      where the emulators keep data across restarts (default <repo>/.broadsheet/data)
              --fresh             delete the data directory first: start fresh
              --param NAME=VALUE  override a template parameter, e.g. --param AllowedOrigins=http://localhost:5173
                                  (repeatable)
              --help              this text

            Emulator backend: -Dbroadsheet.emulators=local|localstack (env BROADSHEET_EMULATORS; default local).
            """;

    public Settings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        if (fresh && dataDir == null) {
            throw new IllegalArgumentException("--fresh needs a data directory");
        }
        parameters = Map.copyOf(parameters);
    }

    /** Memory-only emulators on a free port: what tests want. */
    public static Settings inMemory() {
        return new Settings(0, null, false, Map.of());
    }

    /**
     * @param environment the process environment, for {@code BROADSHEET_PORT}
     * @param repoRoot    the repository, for the default data directory
     * @throws IllegalArgumentException naming the offending argument
     */
    static Settings parse(String[] args, Map<String, String> environment, Path repoRoot) {
        String portValue = environment.getOrDefault("BROADSHEET_PORT", String.valueOf(DEFAULT_PORT));
        Path dataDir = repoRoot.resolve(".broadsheet").resolve("data");
        boolean fresh = false;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> portValue = value(args, ++i, "--port");
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--param" -> {
                    String assignment = value(args, ++i, "--param");
                    int equals = assignment.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--param takes NAME=VALUE, got " + assignment);
                    }
                    parameters.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        try {
            return new Settings(Integer.parseInt(portValue.trim()), dataDir, fresh, parameters);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port must be a number, got " + portValue);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
