package dev.broadsheet.emulators;

import dev.broadsheet.template.ProjectFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local DynamoDB: <a href="https://github.com/architect/dynalite">dynalite</a> as a child
 * {@code node} process on a free loopback port, in memory or persisted to LevelDB.
 *
 * <p>The process ends with {@link #close()}, with a JVM shutdown hook, and, when the JVM is killed
 * without running hooks, by itself: {@code exit-with-parent.cjs} exits when its stdin (a pipe
 * held by this JVM) closes.
 */
public final class Dynalite implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final ProcessOutput output;
    private final URI endpoint;
    private final String version;
    private final Thread shutdownHook;

    private Dynalite(Process process, ProcessOutput output, URI endpoint, String version) {
        this.process = process;
        this.output = output;
        this.endpoint = endpoint;
        this.version = version;
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts dynalite and waits until it accepts connections.
     *
     * @param dataDirOrNull the LevelDB directory to persist to, or null to keep data in memory
     */
    public static Dynalite start(Path dataDirOrNull) {
        Path home = ProjectFiles.root().resolve("infrastructure/emulators/dynalite");
        Path cli = home.resolve("node_modules/dynalite/cli.js");
        // Starts dynalite's server with the options of its cli.js, plus TransactWriteItems.
        Path launcher = home.resolve("launcher.cjs");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed in " + home
                    + ": run `mvn -pl infrastructure/emulators generate-resources` from the repository root"
                    + " (or `npm ci` in " + home + ")");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("node", "--require", home.resolve("exit-with-parent.cjs").toString(),
                launcher.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                // Tables are ACTIVE at once instead of CREATING for 500 ms: no waiting in tests.
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDirOrNull != null) {
            command.addAll(List.of("--path", createDirectories(dataDirOrNull).toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `node` (Node.js 20 or later must be on the PATH): " + e.getMessage(), e);
        }
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "dynalite-output");
        Dynalite dynalite = new Dynalite(process, output, URI.create("http://127.0.0.1:" + port), readVersion(cli.getParent()));
        try {
            dynalite.awaitPort(port);
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
        return dynalite;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The installed dynalite version, from its package.json. */
    public String version() {
        return version;
    }

    /**
     * Ends the process at once (SIGKILL), as a crash would: no handler runs, nothing is flushed by
     * dynalite. For tests of what is on disk afterwards.
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() called from another shutdown hook: ours runs anyway and finds nothing to do.
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with status " + process.exitValue()
                        + " before listening on port " + port + ". Its output:\n" + output.textAfterExit());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(20));
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + STARTUP_TIMEOUT.toSeconds()
                + " s. Its output:\n" + output.text());
    }

    private static int freePort() {
        // dynalite's CLI treats --port 0 as "use 4567", so the port is chosen here. Another process
        // could take it before dynalite binds; dynalite then exits with EADDRINUSE, reported above.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port: " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the dynalite data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readVersion(Path packageDir) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(packageDir.resolve("package.json")));
            return matcher.find() ? matcher.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite", e);
        }
    }
}
