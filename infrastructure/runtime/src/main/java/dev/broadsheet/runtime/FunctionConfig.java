package dev.broadsheet.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One function as Lambda is told about it: what template.yaml says of it, resolved.
 *
 * @param name        the function's name (locally its logical id in the template)
 * @param deploymentJar the {@code CodeUri} jar: the only code of the function's JVM besides the runtime client
 * @param handler     the {@code Handler} string, e.g. {@code dev.example.Handler::handleRequest}
 * @param memoryMb    {@code MemorySize}: sets the JVM's heap, metaspace and code cache as Lambda does
 * @param timeout     {@code Timeout}: an invocation running longer ends its execution environment
 * @param environment the function's own variables (template, references resolved, and the
 *                    credentials and endpoints it is to use); Lambda's reserved variables are added
 *                    by the runtime and override these
 * @param runtime     {@code Runtime}, e.g. {@code java21}, for {@code AWS_EXECUTION_ENV}
 */
public record FunctionConfig(String name, Path deploymentJar, String handler, int memoryMb, Duration timeout,
                             Map<String, String> environment, String runtime) {

    public FunctionConfig {
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException(name + ": MemorySize must be 128 to 10240 MB, got " + memoryMb);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(name + ": Timeout must be positive, got " + timeout);
        }
        environment = Map.copyOf(environment);
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
     *   <li>tiered compilation stopped at level 1 (C1 only): the default of the java17 and java21
     *       runtimes ("Customize Java runtime startup behavior", AWS Lambda Developer Guide).</li>
     * </ul>
     */
    public List<String> lambdaJvmOptions() {
        long memoryKb = memoryMb * 1024L;
        return List.of(
                "-XX:MaxHeapSize=" + memoryKb * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + memoryKb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + memoryKb * 5 / 100 + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true");
    }
}
