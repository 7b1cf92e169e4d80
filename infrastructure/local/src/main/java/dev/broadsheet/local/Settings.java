package dev.broadsheet.local;

import dev.broadsheet.runtime.RuntimeOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the local API.
 *
 * @param port       0 for any free port
 * @param dataDir    where the emulators keep their data across restarts; null for memory only
 * @param fresh      delete {@code dataDir} before starting
 * @param parameters template parameter overrides, by name
 * @param sitePort   the demo site's port: 0 for any free port, {@link #NO_SITE} for no site
 * @param maxEnvironments per function, the most execution environments at once (further requests wait)
 * @param prestart   start one execution environment of every function before answering
 * @param sesPort    the local SES's port (0 for any free one)
 * @param schedulePeriod how often every {@code Schedule} event fires instead of its template rate (tests); null for the template's
 */
public record Settings(int port, Path dataDir, boolean fresh, Map<String, String> parameters, int sitePort,
                       int maxEnvironments, boolean prestart, int sesPort, Duration schedulePeriod) {

    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_SITE_PORT = 8080;
    public static final int NO_SITE = -1;
    public static final int DEFAULT_SES_PORT = 8005;
    public static final int DEFAULT_MAX_ENVIRONMENTS = RuntimeOptions.DEFAULT_MAX_ENVIRONMENTS;

    static final String USAGE = """
            Usage: java -jar infrastructure/local/target/broadsheet-local.jar [options]

            Serves the HTTP API of template.yaml on http://localhost:PORT against local DynamoDB and S3 emulators
            that start with the sample article published. Each function runs as on Lambda: its deployment jar in
            JVMs of its own under the Lambda runtime interface client, started on its first request.

              --port N            port to listen on (env BROADSHEET_PORT; default 3000, as sam local start-api)
              --data-dir DIR      where the emulators keep data across restarts (default <repo>/.broadsheet/data)
              --fresh             delete the data directory first: start fresh
              --param NAME=VALUE  override a template parameter, e.g. --param AllowedOrigins=http://localhost:5173
                                  (repeatable)
              --site-port N       port of the demo site, a static frontend of the API (default 8080; 0: no site)
              --max-environments N  per function, the most execution environments at once; further requests
                                  wait (default 4)
              --prestart          start one execution environment of every function before answering
              --ses-port N        port of the local SES, aws-ses-v2-local (default 8005): its web page shows the
                                  mails sent, GET /store lists them
              --schedule-every DURATION  fire every Schedule event of the template this often instead of at its
                                  rate, e.g. 10s or 500ms (the notification function runs every minute otherwise)
              --help              this text

            Emulators: dynalite and S3Proxy (LocalStack, through Testcontainers, is a backend of the test suite only).
            The JDK that runs the functions: env BROADSHEET_LAMBDA_JAVA_HOME (default: the one running this).
            """;

    public Settings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        if (fresh && dataDir == null) {
            throw new IllegalArgumentException("--fresh needs a data directory");
        }
        if (sitePort != NO_SITE && (sitePort < 0 || sitePort > 65535)) {
            throw new IllegalArgumentException("--site-port must be between 0 and 65535, got " + sitePort);
        }
        if (sesPort < 0 || sesPort > 65535) {
            throw new IllegalArgumentException("--ses-port must be between 0 and 65535, got " + sesPort);
        }
        if (schedulePeriod != null && (schedulePeriod.isNegative() || schedulePeriod.isZero())) {
            throw new IllegalArgumentException("--schedule-every must be a positive duration, got " + schedulePeriod);
        }
        if (maxEnvironments < 1) {
            throw new IllegalArgumentException("--max-environments must be at least 1, got " + maxEnvironments);
        }
        parameters = Map.copyOf(parameters);
    }

    /** Without the demo site. */
    public Settings(int port, Path dataDir, boolean fresh, Map<String, String> parameters) {
        this(port, dataDir, fresh, parameters, NO_SITE, DEFAULT_MAX_ENVIRONMENTS, false, 0, null);
    }

    /** Memory-only emulators on a free port, no site: what tests want. */
    public static Settings inMemory() {
        return new Settings(0, null, false, Map.of());
    }

    /** These settings with the demo site on {@code sitePort} (0 for any free port). */
    public Settings withSite(int sitePort) {
        return new Settings(port, dataDir, fresh, parameters, sitePort, maxEnvironments, prestart, sesPort, schedulePeriod);
    }

    /** These settings with every Schedule event firing every {@code period} (tests: no waiting a minute). */
    public Settings withSchedulePeriod(Duration period) {
        return new Settings(port, dataDir, fresh, parameters, sitePort, maxEnvironments, prestart, sesPort, period);
    }

    /** These settings with at most {@code max} execution environments per function. */
    public Settings withMaxEnvironments(int max) {
        return new Settings(port, dataDir, fresh, parameters, sitePort, max, prestart, sesPort, schedulePeriod);
    }

    /** These settings with template parameter overrides added. */
    public Settings withParameters(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(overrides);
        return new Settings(port, dataDir, fresh, merged, sitePort, maxEnvironments, prestart, sesPort, schedulePeriod);
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
        String sitePortValue = String.valueOf(DEFAULT_SITE_PORT);
        String maxEnvironmentsValue = String.valueOf(DEFAULT_MAX_ENVIRONMENTS);
        boolean prestart = false;
        String sesPortValue = String.valueOf(DEFAULT_SES_PORT);
        Duration schedulePeriod = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> portValue = value(args, ++i, "--port");
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--site-port" -> sitePortValue = value(args, ++i, "--site-port");
                case "--max-environments" -> maxEnvironmentsValue = value(args, ++i, "--max-environments");
                case "--prestart" -> prestart = true;
                case "--ses-port" -> sesPortValue = value(args, ++i, "--ses-port");
                case "--schedule-every" -> schedulePeriod = duration(value(args, ++i, "--schedule-every"));
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
        int port = number(portValue, "The port");
        int sitePort = number(sitePortValue, "--site-port");
        // On the command line 0 turns the site off: a site on a random port would be hard to find.
        return new Settings(port, dataDir, fresh, parameters, sitePort == 0 ? NO_SITE : sitePort,
                number(maxEnvironmentsValue, "--max-environments"), prestart, number(sesPortValue, "--ses-port"), schedulePeriod);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}. */
    static Duration duration(String value) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--schedule-every takes a duration such as 500ms, 10s or 2m, got " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static int number(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got " + value);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
