package dev.broadsheet.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.template.ProjectFiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local Amazon SES v2: <a href="https://github.com/domdomegg/aws-ses-v2-local">aws-ses-v2-local</a>
 * (npm, MIT; locked in {@code infrastructure/emulators/ses}) as a child {@code node} process on a
 * loopback port. The functions call it exactly as they call SES (the {@code sesv2} client, endpoint
 * {@code AWS_ENDPOINT_URL_SESV2}); it keeps what was sent: {@code GET /store} as JSON, {@code GET /}
 * a web page showing the mails.
 *
 * <p>{@link #stop()} and {@link #restart()} (on the same port) let a test make SES unreachable, as
 * an outage would, and bring it back.
 */
public final class LocalSes implements AutoCloseable {

    /** The port the local API gives it unless told otherwise (the package's own default). */
    public static final int DEFAULT_PORT = 8005;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern RUNNING = Pattern.compile("server running at http://[^:]+:(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Process process;
    private volatile int port;
    private Thread shutdownHook;

    private LocalSes(Path home) {
        this.home = home;
    }

    /**
     * Starts it and waits until it listens.
     *
     * @param port 0 for any free port
     */
    public static LocalSes start(int port) {
        Path home = ProjectFiles.root().resolve("infrastructure/emulators/ses");
        if (!Files.isRegularFile(cli(home))) {
            throw new IllegalStateException("aws-ses-v2-local is not installed in " + home
                    + ": run `mvn -pl infrastructure/emulators generate-resources` from the repository root"
                    + " (or `npm ci` in " + home + ")");
        }
        LocalSes ses = new LocalSes(home);
        ses.launch(port);
        return ses;
    }

    private static Path cli(Path home) {
        return home.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
    }

    private synchronized void launch(int wanted) {
        List<String> command = List.of("node", "--require",
                home.resolveSibling("dynalite").resolve("exit-with-parent.cjs").toString(),
                cli(home).toString(), "--host", "127.0.0.1", "--port", String.valueOf(wanted));
        Process started;
        try {
            started = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `node` (Node.js 20 or later must be on the PATH): " + e.getMessage(), e);
        }
        ProcessOutput output = ProcessOutput.drain(started.getInputStream(), "ses-output");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            Matcher running = RUNNING.matcher(output.text());
            if (running.find()) {
                port = Integer.parseInt(running.group(1));
                break;
            }
            if (!started.isAlive()) {
                throw new IllegalStateException("aws-ses-v2-local exited with status " + started.exitValue()
                        + (wanted == 0 ? "" : " (is port " + wanted + " taken? Choose another with --ses-port)")
                        + ". Its output:\n" + output.textAfterExit());
            }
            if (System.nanoTime() > deadline) {
                started.destroyForcibly();
                throw new IllegalStateException("aws-ses-v2-local did not start within " + STARTUP_TIMEOUT.toSeconds()
                        + " s. Its output:\n" + output.text());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                started.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting aws-ses-v2-local", e);
            }
        }
        process = started;
        if (shutdownHook == null) {
            shutdownHook = new Thread(() -> process.destroyForcibly(), "ses-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Where to send SES v2 requests (the SDK's endpoint override). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The installed aws-ses-v2-local version, from its package.json. */
    public String version() {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(cli(home).getParent().getParent().resolve("package.json")));
            return matcher.find() ? matcher.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A mail as the emulator recorded it. {@code headers}: the message headers the sender set (name → value). */
    public record SentMail(String messageId, String from, List<String> to, String subject, String text, String html,
                           Map<String, String> headers, long at) {
    }

    /** Every mail sent since it (re)started, oldest first: its {@code GET /store}. */
    public List<SentMail> sent() {
        JsonNode store;
        try {
            store = JSON.readTree(get("/store"));
        } catch (IOException e) {
            throw new IllegalStateException("aws-ses-v2-local's /store is not JSON: " + e.getMessage(), e);
        }
        List<SentMail> mails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(address -> to.add(address.asText()));
            Map<String, String> headers = new LinkedHashMap<>();
            email.path("headers").forEach(header -> headers.put(header.path("name").asText(), header.path("value").asText()));
            mails.add(new SentMail(email.path("messageId").asText(), email.path("from").asText(), List.copyOf(to),
                    email.path("subject").asText(), email.path("body").path("text").asText(null),
                    email.path("body").path("html").asText(null), Map.copyOf(headers), email.path("at").asLong()));
        }
        return List.copyOf(mails);
    }

    /** The mails sent to one address. */
    public List<SentMail> sentTo(String address) {
        return sent().stream().filter(mail -> mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address)
                || to.toLowerCase().endsWith("<" + address.toLowerCase() + ">"))).toList();
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve(path)).GET()
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("aws-ses-v2-local answered GET " + path + " with " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read aws-ses-v2-local's " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Stops it (connections are refused, as in an outage); {@link #restart()} brings it back on the same port, empty. */
    public synchronized void stop() {
        Process running = process;
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void restart() {
        launch(port);
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Our hook runs anyway and finds the process gone.
        }
    }
}
