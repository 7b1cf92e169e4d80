package dev.broadsheet.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local Lambda service: invokes functions as Lambda does, each in execution environments of its
 * own (see {@link FunctionPool}, {@link ExecutionEnvironment}). Thread-safe: concurrent invocations
 * of one function run in as many environments, up to the configured maximum.
 */
public final class LambdaRuntime implements AutoCloseable {

    private final Map<String, FunctionPool> pools;
    private final ScheduledExecutorService reaper;
    private final Path nativeLibrary;
    private final RuntimeOptions options;

    private LambdaRuntime(Map<String, FunctionPool> pools, ScheduledExecutorService reaper, Path nativeLibrary,
                          RuntimeOptions options) {
        this.pools = pools;
        this.reaper = reaper;
        this.nativeLibrary = nativeLibrary;
        this.options = options;
    }

    /** Ready at once: no environment starts before its function's first invocation (or {@link #prestart}). */
    public static LambdaRuntime start(Collection<FunctionConfig> functions, RuntimeOptions options) {
        Path nativeDir;
        try {
            nativeDir = Files.createTempDirectory("broadsheet-runtime-client-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path nativeLibrary = NativeLibrary.unpack(options.runtimeClientJars(), nativeDir);
        Map<String, FunctionPool> pools = new LinkedHashMap<>();
        for (FunctionConfig function : functions) {
            if (!Files.isRegularFile(function.deploymentJar())) {
                throw new IllegalStateException(function.name() + ": its deployment jar " + function.deploymentJar()
                        + " does not exist; build first (mvn -q -DskipTests package)");
            }
            pools.put(function.name(), new FunctionPool(function, options, nativeLibrary,
                    function.environment().getOrDefault("AWS_REGION", "us-east-1")));
        }
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lambda-idle-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(250, options.idleTimeout().toMillis() / 4);
        reaper.scheduleWithFixedDelay(() -> pools.values().forEach(FunctionPool::retireIdle), period, period,
                TimeUnit.MILLISECONDS);
        return new LambdaRuntime(Map.copyOf(pools), reaper, nativeLibrary, options);
    }

    /**
     * Invokes a function synchronously (Lambda's {@code RequestResponse}) with a JSON event, waiting
     * for a free environment when all are busy.
     */
    public InvocationResult invoke(String functionName, byte[] event) throws InterruptedException {
        return pool(functionName).invoke(event);
    }

    /** Starts one environment of the function and waits for its init, so that its first request is warm. */
    public void prestart(String functionName) throws InterruptedException {
        pool(functionName).prestart();
    }

    /** How it runs functions: the JDK, the runtime client, the limits. */
    public RuntimeOptions options() {
        return options;
    }

    /** How many execution environments the function has started so far (its cold starts). */
    public int environmentsStarted(String functionName) {
        return pool(functionName).launched();
    }

    /** How many environments of the function are idle, ready for a warm invocation. */
    public int idleEnvironments(String functionName) {
        return pool(functionName).idleCount();
    }

    private FunctionPool pool(String functionName) {
        FunctionPool pool = pools.get(functionName);
        if (pool == null) {
            throw new IllegalArgumentException("No function " + functionName);
        }
        return pool;
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        pools.values().forEach(FunctionPool::close);
        try {
            Files.deleteIfExists(nativeLibrary);
            Files.deleteIfExists(nativeLibrary.getParent());
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }
}
