package dev.broadsheet.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One execution environment: a JVM of its own running the function's deployment jar under the
 * official runtime interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}),
 * talking to a Runtime API endpoint of its own. One invocation at a time, as on Lambda.
 */
final class ExecutionEnvironment implements AutoCloseable {

    static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private static final DateTimeFormatter LOG_STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionConfig function;
    private final RuntimeApiEndpoint api;
    private final Process process;
    private final Path sandbox;
    private final LogSink log;
    private final long launchedNanos;
    private volatile boolean ended;
    private long initNanos = -1;
    private long idleSinceNanos;

    private ExecutionEnvironment(FunctionConfig function, RuntimeApiEndpoint api, Process process, Path sandbox,
                                 LogSink log, long launchedNanos) {
        this.function = function;
        this.api = api;
        this.process = process;
        this.sandbox = sandbox;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** Starts the JVM; {@link #awaitInit} tells when it is ready for events. */
    static ExecutionEnvironment launch(FunctionConfig function, RuntimeOptions options, Path nativeLibrary) {
        RuntimeApiEndpoint api = RuntimeApiEndpoint.start("runtime-api-" + function.name());
        Path sandbox = null;
        try {
            sandbox = Files.createTempDirectory("broadsheet-lambda-" + function.name() + "-");
            Path taskRoot = Files.createDirectory(sandbox.resolve("task"));
            Path tmp = Files.createDirectory(sandbox.resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder(command(function, options, tmp, nativeLibrary)).directory(taskRoot.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(function, api.address(), taskRoot, options));
            long launched = System.nanoTime();
            Process process = builder.start();
            ExecutionEnvironment environment = new ExecutionEnvironment(function, api, process, sandbox, options.log(),
                    launched);
            environment.pump(process.getInputStream(), "stdout");
            environment.pump(process.getErrorStream(), "stderr");
            return environment;
        } catch (IOException e) {
            api.close();
            deleteQuietly(sandbox);
            throw new UncheckedIOException(function.name() + ": cannot start its JVM (" + options.java() + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The managed runtime's command line: its JVM options for the memory size, the runtime client and
     * the deployment jar as the only classpath, the handler string as the one argument.
     */
    static List<String> command(FunctionConfig function, RuntimeOptions options, Path tmp, Path nativeLibrary) {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(function.lambdaJvmOptions());
        // Lambda's /tmp is the environment's own; the runtime client unpacks its JNI library there.
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-D" + NativeLibrary.PROPERTY + "=" + nativeLibrary);
        command.add("-classpath");
        command.add(Stream.concat(options.runtimeClientJars().stream(), Stream.of(function.deploymentJar()))
                .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(RUNTIME_CLIENT_MAIN);
        command.add(function.handler());
        return command;
    }

    /**
     * The function's variables, then the ones Lambda defines for every function ("Defined runtime
     * environment variables", Lambda Developer Guide), which a function cannot override.
     */
    static Map<String, String> environment(FunctionConfig function, String runtimeApi, Path taskRoot,
                                           RuntimeOptions options) {
        Map<String, String> environment = new java.util.TreeMap<>(function.environment());
        String region = function.environment().getOrDefault("AWS_REGION", "us-east-1");
        environment.put("_HANDLER", function.handler());
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(LOG_STREAM_DATE)
                + "/[$LATEST]" + HexFormat.of().formatHex(randomBytes(16)));
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("LAMBDA_RUNTIME_DIR", options.javaHome().toString());
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        environment.put("HOME", taskRoot.toString());
        return environment;
    }

    /**
     * Waits for the end of the init phase: the runtime client's first {@code next}.
     *
     * @return null when ready; otherwise the failure (the environment is then of no further use)
     */
    InvocationResult.Failure awaitInit(Duration limit) throws InterruptedException {
        try {
            CompletableFuture.anyOf(api.firstNext(), api.initError(), process.onExit())
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            end();
            return initFailure("Sandbox.Timedout", "Init phase did not complete within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (api.initError().isDone()) {
            return initFailure("Runtime.InitError", api.initError().join());
        }
        if (!api.firstNext().isDone() || !process.isAlive()) {
            return initFailure("Runtime.ExitError", "Runtime exited during init: " + exitStatus());
        }
        initNanos = System.nanoTime() - launchedNanos;
        return null;
    }

    private InvocationResult.Failure initFailure(String type, String message) {
        log.line(function.name(), "INIT_REPORT Init Duration: " + millis(System.nanoTime() - launchedNanos)
                + " ms\tPhase: init\tStatus: error\tError Type: " + type);
        return new InvocationResult.Failure(InvocationResult.Kind.INIT_ERROR, type, message);
    }

    /**
     * Runs one invocation: hands the event to the runtime client, waits for its response or error
     * up to the function's timeout, ends the environment on a timeout, and logs Lambda's
     * {@code REPORT} line.
     *
     * @param cold whether this is the environment's first invocation (the REPORT line then has {@code Init Duration})
     */
    InvocationResult invoke(PendingInvocation invocation, boolean cold) throws InterruptedException {
        long timeoutMs = function.timeout().toMillis();
        long handedNanos = System.nanoTime();
        InvocationResult result;
        if (handOver(invocation, timeoutMs)) {
            result = awaitResult(invocation, timeoutMs);
        } else {
            result = exitOrTimeout();
        }
        long started = invocation.startedNanos() == 0 ? handedNanos : invocation.startedNanos();
        report(invocation.requestId(), System.nanoTime() - started, cold);
        idleSinceNanos = System.nanoTime();
        return result;
    }

    /** The runtime client waits in {@code next} between invocations; a JVM that died never takes the event. */
    private boolean handOver(PendingInvocation invocation, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (api.offer(invocation, 50)) {
                return true;
            }
        }
        return false;
    }

    private InvocationResult awaitResult(PendingInvocation invocation, long timeoutMs) throws InterruptedException {
        try {
            CompletableFuture.anyOf(invocation.result(), process.onExit()).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // fall through: no result in time
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return invocation.result().isDone() ? invocation.result().join() : exitOrTimeout();
    }

    private InvocationResult exitOrTimeout() {
        if (!process.isAlive()) {
            end();
            return new InvocationResult.Failure(InvocationResult.Kind.RUNTIME_EXIT, "Runtime.ExitError",
                    "Runtime exited with error: " + exitStatus());
        }
        end();
        return new InvocationResult.Failure(InvocationResult.Kind.TIMEOUT, "Sandbox.Timedout",
                String.format(Locale.ROOT, "Task timed out after %.2f seconds", function.timeout().toMillis() / 1000.0));
    }

    /** Lambda's own line after every invocation, in its text format. */
    private void report(String requestId, long durationNanos, boolean cold) {
        double durationMs = durationNanos / 1e6;
        // Billed to the millisecond, rounded up; on a cold start the init phase is billed too (since August 2025).
        long billed = (long) Math.ceil(durationMs) + (cold ? (long) Math.ceil(initNanos / 1e6) : 0);
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationNanos)).append(" ms")
                .append("\tBilled Duration: ").append(billed).append(" ms")
                .append("\tMemory Size: ").append(function.memoryMb()).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb()).append(" MB");
        if (cold) {
            line.append("\tInit Duration: ").append(millis(initNanos)).append(" ms");
        }
        log.line(function.name(), line.toString());
    }

    /** The JVM's peak resident set ({@code VmHWM}), what Lambda reports as Max Memory Used; 0 when unknown. */
    long maxMemoryUsedMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process has gone: nothing to report.
        }
        return 0;
    }

    /** Whether the environment can take another invocation: its JVM alive and never timed out. */
    boolean reusable() {
        return !ended && process.isAlive();
    }

    long idleNanos() {
        return System.nanoTime() - idleSinceNanos;
    }

    /** Init Duration in nanoseconds: JVM launch until the runtime client's first {@code next}; -1 before. */
    long initNanos() {
        return initNanos;
    }

    long pid() {
        return process.pid();
    }

    private String exitStatus() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return "exit status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "no exit status";
    }

    private void end() {
        ended = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        end();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        deleteQuietly(sandbox);
    }

    private void pump(InputStream stream, String name) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    log.line(function.name(), line);
                }
            } catch (IOException e) {
                // The process ended: nothing more to read.
            }
        }, function.name() + "-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
