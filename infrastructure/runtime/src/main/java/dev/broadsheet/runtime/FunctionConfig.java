package dev.broadsheet.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One function as Lambda is told about it: what template.yaml says of it, resolved.
 *
 * @param name        the function's name (locally its logical id in the template)
 * @param codeUri     the {@code CodeUri}: for a Java runtime the deployment jar, the only code of the function's
 *                    JVM besides the runtime client; for an OS-only runtime ({@code provided.al2023}) a
 *                    directory holding the executable {@code bootstrap} that Lambda starts
 * @param handler     the {@code Handler} string, e.g. {@code dev.example.Handler::handleRequest}
 * @param memoryMb    {@code MemorySize}: sets the JVM's heap, metaspace and code cache as Lambda does
 * @param timeout     {@code Timeout}: an invocation running longer ends its execution environment
 * @param environment the function's own variables (template, references resolved, and the
 *                    credentials and endpoints it is to use); Lambda's reserved variables are added
 *                    by the runtime and override these
 * @param runtime     {@code Runtime}, e.g. {@code java21}, for {@code AWS_EXECUTION_ENV}, or
 *                    {@code provided.al2023} (a custom runtime: Lambda runs {@code bootstrap})
 * @param snapStart   whether environments go through SnapStart's lifecycle: after init the runtime
 *                    client runs the {@code beforeCheckpoint} hooks, asks {@code restore/next} (where
 *                    Lambda would take and later restore the snapshot), runs the {@code afterRestore}
 *                    hooks, then asks for its first event. No snapshot is taken: the process goes on.
 */
public record FunctionConfig(String name, Path codeUri, String handler, int memoryMb, Duration timeout,
                             Map<String, String> environment, String runtime, boolean snapStart) {

    public FunctionConfig {
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException(name + ": MemorySize must be 128 to 10240 MB, got " + memoryMb);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + ": Timeout must be positive, got " + timeout);
        }
        environment = Map.copyOf(environment);
        if (snapStart && !runtime.startsWith("java")) {
            throw new IllegalArgumentException(name + ": SnapStart is for Java runtimes, not " + runtime);
        }
    }

    /** An on-demand function: environments initialize and go straight to their first event. */
    public FunctionConfig(String name, Path codeUri, String handler, int memoryMb, Duration timeout,
                          Map<String, String> environment, String runtime) {
        this(name, codeUri, handler, memoryMb, timeout, environment, runtime, false);
    }

    /** The same function, with or without SnapStart's lifecycle. */
    public FunctionConfig withSnapStart(boolean enabled) {
        return new FunctionConfig(name, codeUri, handler, memoryMb, timeout, environment, runtime, enabled);
    }

    /** An OS-only runtime ({@code provided}, {@code provided.al2}, {@code provided.al2023}): Lambda runs the code's {@code bootstrap}. */
    public boolean customRuntime() {
        return runtime.startsWith("provided");
    }

    /**
     * The JVM options of Lambda's managed Java runtime for this memory size, before the function's
     * own {@code JAVA_TOOL_OPTIONS} (which the JVM reads from the environment, as on Lambda):
     * <ul>
     *   <li>heap 85 %, metaspace 10 %, code cache 5 % of {@code MemorySize}, the serial collector,
     *       class data sharing and IPv4 — the command line of the managed runtime's JVM as published
     *       from inside Lambda ({@code -XX:MaxHeapSize=445645k -XX:MaxMetaspaceSize=52429k
     *       -XX:ReservedCodeCacheSize=26214k -XX:+UseSerialGC -Xshare:on ... -Djava.net.preferIPv4Stack=true}
     *       at 512 MB); {@code -Xshare:auto} here, since a local JDK may have no archive;</li>
     *   <li>tiered compilation stopped at level 1 (C1 only), the default of the java17, java21 and
     *       java25 runtimes, except on java25 with SnapStart, which keeps the JVM's default ("Customize
     *       Java runtime startup behavior", AWS Lambda Developer Guide). A function whose
     *       {@code JAVA_TOOL_OPTIONS} sets the tiered compilation chooses for itself, as on Lambda: the
     *       JVM lets its command line win over that variable, so the default is then left out.</li>
     * </ul>
     */
    public List<String> lambdaJvmOptions() {
        long memoryKb = memoryMb * 1024L;
        List<String> options = new ArrayList<>(List.of(
                "-XX:MaxHeapSize=" + memoryKb * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + memoryKb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + memoryKb * 5 / 100 + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto"));
        String toolOptions = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        boolean ownTiering = toolOptions.contains("TieredStopAtLevel") || toolOptions.contains("TieredCompilation");
        boolean jvmDefault = snapStart && !List.of("java8", "java8.al2", "java11", "java17", "java21").contains(runtime);
        if (!ownTiering && !jvmDefault) {
            options.add("-XX:+TieredCompilation");
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.add("-Djava.net.preferIPv4Stack=true");
        return options;
    }
}
