package dev.broadsheet.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the local runtime runs functions.
 *
 * @param javaHome           the JDK whose {@code bin/java} runs every execution environment
 * @param runtimeClientJars  the runtime interface client and its dependencies: Lambda's {@code /var/runtime/lib}
 * @param maxEnvironments    per function: beyond this many busy environments, requests wait (Lambda would throttle)
 * @param idleTimeout        an environment idle this long is retired; Lambda keeps idle ones for minutes, unspecified
 * @param initTimeout        Lambda's limit on the init phase (10 s)
 * @param log                where environments' output and the runtime's {@code REPORT} lines go
 */
public record RuntimeOptions(Path javaHome, List<Path> runtimeClientJars, int maxEnvironments, Duration idleTimeout,
                             Duration initTimeout, LogSink log) {

    public static final int DEFAULT_MAX_ENVIRONMENTS = 4;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration LAMBDA_INIT_TIMEOUT = Duration.ofSeconds(10);
    /** Overrides the JDK that runs functions (by default the one running this program). */
    public static final String JAVA_HOME_VARIABLE = "BROADSHEET_LAMBDA_JAVA_HOME";

    public RuntimeOptions {
        if (maxEnvironments < 1) {
            throw new IllegalArgumentException("The maximum of environments per function must be at least 1, got "
                    + maxEnvironments);
        }
        runtimeClientJars = List.copyOf(runtimeClientJars);
        if (runtimeClientJars.isEmpty()) {
            throw new IllegalArgumentException("No runtime interface client jars");
        }
    }

    /**
     * Lambda's defaults, the runtime client copied by the build into
     * {@code infrastructure/runtime/target/runtime-client}, output to standard out.
     */
    public static RuntimeOptions defaults(Path repositoryRoot) {
        String configuredJava = System.getenv(JAVA_HOME_VARIABLE);
        Path javaHome = Path.of(configuredJava == null || configuredJava.isBlank()
                ? System.getProperty("java.home") : configuredJava);
        return new RuntimeOptions(javaHome, runtimeClientJars(repositoryRoot), DEFAULT_MAX_ENVIRONMENTS,
                DEFAULT_IDLE_TIMEOUT, LAMBDA_INIT_TIMEOUT, LogSink.standardOut());
    }

    public RuntimeOptions withMaxEnvironments(int max) {
        return new RuntimeOptions(javaHome, runtimeClientJars, max, idleTimeout, initTimeout, log);
    }

    public RuntimeOptions withIdleTimeout(Duration idle) {
        return new RuntimeOptions(javaHome, runtimeClientJars, maxEnvironments, idle, initTimeout, log);
    }

    public RuntimeOptions withLog(LogSink sink) {
        return new RuntimeOptions(javaHome, runtimeClientJars, maxEnvironments, idleTimeout, initTimeout, sink);
    }

    /** The {@code java} launcher of {@link #javaHome()}. */
    public Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    static List<Path> runtimeClientJars(Path repositoryRoot) {
        Path dir = repositoryRoot.resolve("infrastructure/runtime/target/runtime-client");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The Lambda runtime interface client is not in " + dir
                    + ": build first (mvn -q -DskipTests package)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
