package dev.broadsheet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Medians of the runs, as the table and as {@code results.json}.
 *
 * @param runtime  the runtime client's artifact and version
 * @param rows     every subject's row, in the run's order
 * @param absent   peers without a row, and why
 */
record Report(String runtime, Map<String, Row> rows, Map<String, String> absent) {

    static final String FLOOR = "JavaFloor";
    static final String NODE = "NodePeer";
    static final String PYTHON = "PythonPeer";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One line of the table, in milliseconds and MiB; null where not measured. Duration-based
     * numbers are Lambda's {@code Duration}; the round trip is the invocation as the Runtime API's
     * caller sees it.
     */
    record Row(Subject.Kind kind, String language, String version, Double initMs, Double firstInvokeMs,
               Double coldTotalMs, Double primedFirstInvokeMs, Double restoreMs, Double warmP50Ms, Double warmP99Ms,
               Double roundTripP50Ms, Double rssMb, Double codeMb, int memorySizeMb, String warmStatuses) {
    }

    static Report of(String runtime, List<Subject> subjects, Map<String, String> versions,
                     Map<String, List<Measurement>> cold, Map<String, List<Measurement>> primed,
                     Map<String, String> absent) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            List<Measurement> runs = cold.get(subject.label());
            List<Measurement> primedRuns = primed.getOrDefault(subject.label(), List.of());
            // Warm numbers and peak RSS come from the run that made the warm invocations.
            Measurement warm = runs.stream().filter(run -> run.warmMs().length > 0).findFirst().orElse(runs.get(0));
            rows.put(subject.label(), new Row(subject.kind(), subject.language(), versions.get(subject.label()),
                    median(runs, Measurement::initMs), median(runs, Measurement::firstMs),
                    median(runs, Measurement::coldTotalMs), median(primedRuns, Measurement::firstMs),
                    median(primedRuns, Measurement::restoreMs), warm.warmPercentile(50), warm.warmPercentile(99),
                    warm.roundTripPercentile(50), (double) warm.maxMemoryUsedMb(), subject.codeMb(),
                    subject.function().memoryMb(), statuses(warm.statuses())));
        }
        return new Report(runtime, rows, absent);
    }

    private static String statuses(Map<Integer, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(text.isEmpty() ? "" : ",").append(status).append(':').append(count));
        return text.isEmpty() ? null : text.toString();
    }

    private static Double median(List<Measurement> runs, Function<Measurement, Double> field) {
        List<Double> values = new ArrayList<>();
        runs.forEach(run -> values.add(field.apply(run)));
        return Stats.median(values);
    }

    Row floor() {
        return rows.get(FLOOR);
    }

    Row node() {
        return rows.get(NODE);
    }

    /** Cold total over the Java floor's. */
    Double ratioToBaseline(Row row) {
        return ratio(row.coldTotalMs(), floor() == null ? null : floor().coldTotalMs());
    }

    /**
     * Against Node's row: cold total, warm Duration p50, and the primed first invocation against
     * Node's first invocation after its init.
     */
    Map<String, Double> ratioToNode(Row row) {
        Row node = node();
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("coldTotal", node == null ? null : ratio(row.coldTotalMs(), node.coldTotalMs()));
        ratios.put("warmP50", node == null ? null : ratio(row.warmP50Ms(), node.warmP50Ms()));
        ratios.put("primedFirstInvoke", node == null ? null : ratio(row.primedFirstInvokeMs(), node.firstInvokeMs()));
        return ratios;
    }

    private static Double ratio(Double value, Double reference) {
        return value == null || reference == null || reference == 0 ? null : value / reference;
    }

    private static final String COLUMNS = "%-40s %8s %8s %9s %6s %6s %9s %8s %8s %8s %6s %6s %5s";

    String table() {
        String header = String.format(Locale.ROOT, COLUMNS, "function", "init", "1st call", "cold tot", "×floor",
                "×node", "primed 1st", "warm p50", "warm p99", "rt p50", "RSS MB", "code MB", "mem");
        StringBuilder table = new StringBuilder(header).append('\n').append("-".repeat(header.length())).append('\n');
        rows.forEach((label, row) -> {
            if (row.kind() != Subject.Kind.DO_NOTHING) {
                table.append(line(label, row)).append('\n');
            }
        });
        absent.forEach((peer, reason) -> table.append(String.format(Locale.ROOT, "%-40s absent: %s%n", peer, reason)));
        table.append("(milliseconds, Lambda's numbers from the local runtime: init = Init Duration, 1st call and warm ="
                + " Duration, cold tot = init + 1st call, medians of the cold environments; ×floor and ×node = cold total"
                + " ratios; rt = warm round trip through the Runtime API)\n\nRuntime API overhead (a handler that does nothing):\n");
        rows.forEach((label, row) -> {
            if (row.kind() == Subject.Kind.DO_NOTHING) {
                table.append(String.format(Locale.ROOT, "  %-28s init %s, Duration p50 %s p99 %s, round trip p50 %s%n",
                        label, format(row.initMs(), 1), format(row.warmP50Ms(), 3), format(row.warmP99Ms(), 3),
                        format(row.roundTripP50Ms(), 3)));
            }
        });
        rows.forEach((label, row) -> {
            if (row.warmStatuses() != null && !row.warmStatuses().matches("[23]\\d\\d:\\d+")) {
                table.append("note: ").append(label).append(" warm responses by status: ").append(row.warmStatuses()).append('\n');
            }
        });
        return table.toString();
    }

    private String line(String label, Row row) {
        Map<String, Double> toNode = ratioToNode(row);
        return String.format(Locale.ROOT, COLUMNS, label, format(row.initMs(), 1), format(row.firstInvokeMs(), 1),
                format(row.coldTotalMs(), 1), format(ratioToBaseline(row), 2), format(toNode.get("coldTotal"), 2),
                format(row.primedFirstInvokeMs(), 1), format(row.warmP50Ms(), 2), format(row.warmP99Ms(), 2),
                format(row.roundTripP50Ms(), 2), format(row.rssMb(), 0), format(row.codeMb(), 1),
                String.valueOf(row.memorySizeMb()));
    }

    private static String format(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The table in Markdown, for the README: {@code results.md}. */
    String markdown(String circumstances) {
        StringBuilder table = new StringBuilder("| function | init | 1st invocation | cold total | × floor | × Node"
                + " | primed 1st invocation | × Node's 1st | warm p50 | × Node | warm p99 | round trip p50 | peak RSS MB"
                + " | code MB | MemorySize |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((label, row) -> {
            Map<String, Double> toNode = ratioToNode(row);
            table.append("| ").append(String.join(" | ", label, format(row.initMs(), 0), format(row.firstInvokeMs(), 1),
                    format(row.coldTotalMs(), 0), format(ratioToBaseline(row), 2), format(toNode.get("coldTotal"), 2),
                    format(row.primedFirstInvokeMs(), 1), format(toNode.get("primedFirstInvoke"), 2),
                    format(row.warmP50Ms(), 2), format(toNode.get("warmP50"), 2), format(row.warmP99Ms(), 2),
                    format(row.roundTripP50Ms(), 2), format(row.rssMb(), 0), format(row.codeMb(), 1),
                    String.valueOf(row.memorySizeMb()))).append(" |\n");
        });
        absent.forEach((peer, reason) -> table.append("| ").append(peer).append(" | absent: ").append(reason)
                .append(" |").append(" |".repeat(14)).append('\n'));
        return table.append('\n').append(circumstances).append('\n').toString();
    }

    /** {@code results.json}: the shape issue 10 asks for. */
    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runtime", runtime);
        document.put("baseline", floor() == null ? null : reference(floor()));
        Map<String, Object> peers = new LinkedHashMap<>();
        peers.put("node", node() != null ? reference(node()) : Map.of("absent", absent.getOrDefault(NODE, "not run")));
        Row python = rows.get(PYTHON);
        peers.put("python", python != null ? reference(python) : Map.of("absent", absent.getOrDefault(PYTHON, "not run")));
        document.put("peers", peers);
        Map<String, Object> overhead = new LinkedHashMap<>();
        rows.forEach((label, row) -> {
            if (row.kind() == Subject.Kind.DO_NOTHING) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("initMs", Stats.round(row.initMs(), 1));
                values.put("durationP50Ms", Stats.round(row.warmP50Ms(), 3));
                values.put("roundTripP50Ms", Stats.round(row.roundTripP50Ms(), 3));
                overhead.put(row.language(), values);
            }
        });
        document.put("runtimeApiOverhead", overhead);
        Map<String, Object> functions = new LinkedHashMap<>();
        rows.forEach((label, row) -> {
            if (row.kind() == Subject.Kind.FUNCTION) {
                Map<String, Object> values = measured(row);
                values.put("primedFirstInvokeMs", Stats.round(row.primedFirstInvokeMs(), 1));
                values.put("ratioToBaseline", Stats.round(ratioToBaseline(row), 3));
                Map<String, Object> toNode = new LinkedHashMap<>();
                ratioToNode(row).forEach((name, value) -> toNode.put(name, Stats.round(value, 3)));
                values.put("ratioToNode", toNode);
                values.put("memorySizeMb", row.memorySizeMb());
                functions.put(label, values);
            }
        });
        document.put("functions", functions);
        return write(document);
    }

    /** The floor's and the peers' fields: what they run on, then what every row measures. */
    private static Map<String, Object> reference(Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (row.version() != null) {
            values.put("version", row.version());
        }
        values.putAll(measured(row));
        return values;
    }

    private static Map<String, Object> measured(Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("initMs", Stats.round(row.initMs(), 1));
        values.put("firstInvokeMs", Stats.round(row.firstInvokeMs(), 1));
        values.put("coldTotalMs", Stats.round(row.coldTotalMs(), 1));
        values.put("warmP50Ms", Stats.round(row.warmP50Ms(), 3));
        values.put("warmP99Ms", Stats.round(row.warmP99Ms(), 3));
        values.put("roundTripP50Ms", Stats.round(row.roundTripP50Ms(), 3));
        values.put("rssMb", Stats.round(row.rssMb(), 1));
        values.put("jarMb", Stats.round(row.codeMb(), 2));
        return values;
    }

    /** Everything measured, with the run's circumstances: {@code details.json}. */
    String detailsJson(Map<String, String> circumstances) {
        Map<String, Object> document = new LinkedHashMap<>(circumstances);
        document.put("runtime", runtime);
        document.put("rows", rows);
        document.put("absent", absent);
        return write(document);
    }

    private static String write(Object document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the results", e);
        }
    }
}
