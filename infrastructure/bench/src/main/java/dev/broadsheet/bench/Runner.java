package dev.broadsheet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.runtime.InvocationReport;
import dev.broadsheet.runtime.InvocationResult;
import dev.broadsheet.runtime.LambdaRuntime;
import dev.broadsheet.runtime.LogSink;
import dev.broadsheet.runtime.RuntimeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a subject in a new execution environment of the local Lambda runtime: its first event (a
 * cold start, or with SnapStart a restore), then its warm events, one at a time; takes Lambda's
 * numbers from the runtime's reports. Each environment's output goes to {@code logs/<label>.log}.
 */
final class Runner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeOptions defaults;
    private final Path logDir;

    Runner(RuntimeOptions defaults, Path logDir) {
        this.defaults = defaults;
        this.logDir = logDir;
    }

    /**
     * @param events    the first event, then one per warm invocation
     * @param snapStart whether the environment goes through SnapStart's lifecycle (its priming hooks)
     */
    Measurement run(Subject subject, List<byte[]> events, boolean snapStart) throws InterruptedException {
        List<InvocationReport> reports = new CopyOnWriteArrayList<>();
        List<String> output = new CopyOnWriteArrayList<>();
        LogSink sink = new LogSink() {
            @Override
            public void line(String function, String line) {
                output.add(line);
            }

            @Override
            public void report(InvocationReport report) {
                reports.add(report);
            }
        };
        RuntimeOptions options = new RuntimeOptions(subject.javaHome() == null ? defaults.javaHome() : subject.javaHome(),
                defaults.runtimeClientJars(), 1, defaults.idleTimeout(), defaults.initTimeout(), sink);
        String name = subject.function().name();
        int warm = events.size() - 1;
        double[] roundTrips = new double[warm];
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (LambdaRuntime runtime = LambdaRuntime.start(List.of(subject.function().withSnapStart(snapStart)), options)) {
            int first = status(subject, runtime.invoke(name, events.get(0)), output);
            if (first < 200 || first >= 400) {
                throw new IllegalStateException(subject.label() + " answered its sample event " + subject.event()
                        + " with " + first + ": the benchmark measures working requests only\n" + String.join("\n", output));
            }
            for (int i = 0; i < warm; i++) {
                long started = System.nanoTime();
                InvocationResult result = runtime.invoke(name, events.get(i + 1));
                roundTrips[i] = (System.nanoTime() - started) / 1e6;
                statuses.merge(status(subject, result, output), 1, Integer::sum);
            }
        } finally {
            log(subject, output);
        }
        if (reports.size() != events.size() || !reports.get(0).cold()) {
            throw new IllegalStateException(subject.label() + ": " + reports.size() + " reports for " + events.size()
                    + " invocations");
        }
        InvocationReport cold = reports.get(0);
        double[] durations = reports.subList(1, reports.size()).stream().mapToDouble(InvocationReport::durationMs).toArray();
        return new Measurement(cold.initDurationMs(), cold.restoreDurationMs(), cold.durationMs(),
                Measurement.sorted(durations), Measurement.sorted(roundTrips),
                reports.get(reports.size() - 1).maxMemoryUsedMb(), statuses);
    }

    /**
     * The API Gateway response's {@code statusCode}; a function no route invokes (a Schedule event's)
     * answers no status, and its successful invocation counts as 200, as Lambda's Invoke answers it.
     * A failed invocation is an error of the benchmark.
     */
    private static int status(Subject subject, InvocationResult result, List<String> output) {
        if (!(result instanceof InvocationResult.Response response)) {
            throw new IllegalStateException(subject.label() + " failed: " + result + "\n" + String.join("\n", output));
        }
        try {
            return JSON.readTree(response.payload()).path("statusCode").asInt(200);
        } catch (IOException e) {
            throw new IllegalStateException(subject.label() + " answered no JSON: "
                    + new String(response.payload(), StandardCharsets.UTF_8), e);
        }
    }

    private void log(Subject subject, List<String> output) {
        try {
            Files.createDirectories(logDir);
            List<String> lines = new ArrayList<>(output);
            Files.write(logDir.resolve(subject.label() + ".log"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
