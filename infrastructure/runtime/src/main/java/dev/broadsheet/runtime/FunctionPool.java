package dev.broadsheet.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environments of one function, managed as Lambda manages them: a request that finds
 * no idle environment starts a new one (a cold start), an idle one is reused (warm), one that timed
 * out or crashed is discarded, and idle ones are retired after a while. At most
 * {@link RuntimeOptions#maxEnvironments()} at once; further requests wait for one.
 */
final class FunctionPool implements AutoCloseable {

    private final FunctionConfig function;
    private final RuntimeOptions options;
    private final Path nativeLibrary;
    private final String functionArn;
    private final Semaphore slots;
    /** Most recently used first, as Lambda tends to route to a warm environment. Guarded by {@code this}. */
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final AtomicInteger launched = new AtomicInteger();
    private volatile boolean closed;

    FunctionPool(FunctionConfig function, RuntimeOptions options, Path nativeLibrary, String region) {
        this.function = function;
        this.options = options;
        this.nativeLibrary = nativeLibrary;
        this.functionArn = "arn:aws:lambda:" + region + ":123456789012:function:" + function.name();
        this.slots = new Semaphore(options.maxEnvironments(), true);
    }

    InvocationResult invoke(byte[] event) throws InterruptedException {
        slots.acquire();
        try {
            ExecutionEnvironment environment = takeIdle();
            boolean cold = environment == null;
            if (cold) {
                environment = launch();
                InvocationResult.Failure initFailure = environment.awaitInit(options.initTimeout());
                if (initFailure != null) {
                    environment.close();
                    return initFailure;
                }
            }
            InvocationResult result = environment.invoke(newInvocation(event), cold);
            giveBack(environment);
            return result;
        } finally {
            slots.release();
        }
    }

    /** Starts one environment ahead of any request (an option of the local API). */
    void prestart() throws InterruptedException {
        slots.acquire();
        try {
            ExecutionEnvironment environment = launch();
            if (environment.awaitInit(options.initTimeout()) == null) {
                giveBack(environment);
            } else {
                environment.close();
            }
        } finally {
            slots.release();
        }
    }

    private ExecutionEnvironment launch() {
        launched.incrementAndGet();
        return ExecutionEnvironment.launch(function, options, nativeLibrary);
    }

    private PendingInvocation newInvocation(byte[] event) {
        long deadline = Instant.now().plus(function.timeout()).toEpochMilli();
        return new PendingInvocation(UUID.randomUUID().toString(), event, deadline, functionArn, traceId());
    }

    /** An X-Ray trace header as Lambda passes it: {@code Root=1-<epoch hex>-<96 random bits>;Sampled=0}. */
    private static String traceId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + HexFormat.of().formatHex(random)
                + ";Sampled=0";
    }

    private synchronized ExecutionEnvironment takeIdle() {
        while (!idle.isEmpty()) {
            ExecutionEnvironment environment = idle.pollFirst();
            if (environment.reusable()) {
                return environment;
            }
            environment.close();
        }
        return null;
    }

    private void giveBack(ExecutionEnvironment environment) {
        synchronized (this) {
            if (!closed && environment.reusable()) {
                idle.addFirst(environment);
                return;
            }
        }
        environment.close();
    }

    /** Ends the environments idle for longer than the idle timeout. */
    void retireIdle() {
        List<ExecutionEnvironment> retired = new ArrayList<>();
        synchronized (this) {
            idle.removeIf(environment -> {
                boolean expired = environment.idleNanos() > options.idleTimeout().toNanos() || !environment.reusable();
                if (expired) {
                    retired.add(environment);
                }
                return expired;
            });
        }
        retired.forEach(ExecutionEnvironment::close);
    }

    /** How many environments this function has started: cold starts, including failed ones. */
    int launched() {
        return launched.get();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        List<ExecutionEnvironment> remaining;
        synchronized (this) {
            closed = true;
            remaining = new ArrayList<>(idle);
            idle.clear();
        }
        remaining.forEach(ExecutionEnvironment::close);
    }
}
