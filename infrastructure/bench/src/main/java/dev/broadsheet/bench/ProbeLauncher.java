package dev.broadsheet.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM (the harness's own {@code java}) with a given classpath, a clean process
 * environment holding exactly the given variables, and waits for its result line.
 */
final class ProbeLauncher {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path logDir;

    ProbeLauncher(Path logDir) {
        this.logDir = logDir;
    }

    /**
     * @param arguments the main class's arguments; the launch time ({@code System.nanoTime()}, a
     *                  machine-wide monotonic clock on Linux) is appended as the last one
     */
    ProbeResult run(String label, List<Path> classpath, String mainClass, List<String> arguments,
                    Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), mainClass));
        command.addAll(arguments);
        Path log = logDir.resolve(label + ".log");
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            command.add(String.valueOf(System.nanoTime()));
            builder.command(command);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(label + " did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + ":\n" + output);
            }
            return ProbeResult.parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + label, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + label, e);
        }
    }
}
