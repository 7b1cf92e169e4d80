package dev.broadsheet.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs inside a fresh JVM whose classpath is one function's deployment jar plus this probe: builds
 * the handler through its public no-argument constructor (Lambda's init), invokes it with a sample
 * event (the first invocation), optionally many more times (warm), and prints one result line.
 *
 * <p>Before init it touches nothing but the JDK: the event file is parsed by {@link MiniJson}, and
 * the Lambda and CRaC classes (which come from the function's jar) are first used after the
 * constructor has returned, so nothing here warms up what is being measured.
 *
 * <p>Arguments: {@code mode} ({@code cold} or {@code primed}), handler class, event file, warm
 * invocation count, and the harness's {@code System.nanoTime()} just before it started this JVM.
 */
public final class FunctionProbe {

    private FunctionProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.nanoTime();
        String mode = args[0];
        String handlerClass = args[1];
        // A .json file is one event for every invocation; a .jsonl file one event a line: the first
        // for the first invocation, the others for the warm ones, in turn.
        Path eventFile = Path.of(args[2]);
        List<String> eventLines = eventFile.toString().endsWith(".jsonl")
                ? Files.readAllLines(eventFile, StandardCharsets.UTF_8)
                : List.of(Files.readString(eventFile, StandardCharsets.UTF_8));
        Map<String, Object> eventJson = MiniJson.object(eventLines.get(0));
        int warmInvocations = Integer.parseInt(args[3]);
        long launched = Long.parseLong(args[4]);

        mark("init");
        long initStarted = System.nanoTime();
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        long initEnded = System.nanoTime();

        if (mode.equals("primed")) {
            // What SnapStart does around the snapshot. Outside a CRaC JVM org.crac's global context
            // keeps nothing, so the probe calls the handler's own hooks (every handler is a CRaC resource).
            if (!(handler instanceof org.crac.Resource resource)) {
                throw new IllegalStateException(handlerClass + " is not an org.crac.Resource: it has no SnapStart priming");
            }
            resource.beforeCheckpoint(null);
            resource.afterRestore(null);
        }

        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        mark("first-invocation");
        long invokeStarted = System.nanoTime();
        // Building the event object stands in for the runtime's deserialization: part of the invocation.
        APIGatewayV2HTTPResponse first = function.handleRequest(Events.fromJson(eventJson), null);
        long invokeEnded = System.nanoTime();

        mark("warm");
        List<Map<String, Object>> warmEvents = new ArrayList<>();
        for (String line : eventLines.subList(Math.min(1, eventLines.size() - 1), eventLines.size())) {
            warmEvents.add(MiniJson.object(line));
        }
        Map<Integer, Integer> warmStatuses = new TreeMap<>();
        long[] warm = new long[warmInvocations];
        for (int i = 0; i < warmInvocations; i++) {
            Map<String, Object> warmEvent = warmEvents.get(i % warmEvents.size());
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = function.handleRequest(Events.fromJson(warmEvent), null);
            warm[i] = System.nanoTime() - started;
            warmStatuses.merge(response.getStatusCode(), 1, Integer::sum);
        }
        Arrays.sort(warm);

        StringBuilder line = new StringBuilder("PROBE");
        field(line, "jvmStartMs", millis(mainStarted - launched));
        field(line, "initMs", millis(initEnded - initStarted));
        field(line, "firstInvokeMs", millis(invokeEnded - invokeStarted));
        field(line, "coldTotalMs", millis((mainStarted - launched) + (initEnded - initStarted) + (invokeEnded - invokeStarted)));
        field(line, "firstStatus", String.valueOf(first.getStatusCode()));
        if (warmInvocations > 0) {
            field(line, "warmP50Ms", millis(percentile(warm, 50)));
            field(line, "warmP99Ms", millis(percentile(warm, 99)));
            StringBuilder statuses = new StringBuilder();
            warmStatuses.forEach((status, count) -> statuses.append(statuses.length() == 0 ? "" : ",")
                    .append(status).append(':').append(count));
            field(line, "warmStatuses", statuses.toString());
        }
        field(line, "rssMb", String.format(java.util.Locale.ROOT, "%.1f", peakRssKb() / 1024.0));
        System.out.println(line);
        System.out.flush();
        // Lambda freezes the environment after the response; nothing left to run here.
        System.exit(0);
    }

    /**
     * With {@code -Dbench.marks}, a line on standard output between phases, so that a
     * {@code -Xlog:class+load} log on standard output shows which phase loaded which class.
     */
    private static void mark(String phase) {
        if (System.getProperty("bench.marks") != null) {
            System.out.println("MARK " + phase);
            System.out.flush();
        }
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(' ').append(name).append('=').append(value);
    }

    /** Peak resident set size ({@code VmHWM}), in KiB; 0 where /proc is not there. */
    static long peakRssKb() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : status) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: no peak RSS
        }
        return 0;
    }
}
