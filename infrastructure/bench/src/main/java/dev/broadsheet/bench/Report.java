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

/** Medians of the runs, as the table and as {@code results.json}. */
record Report(Row baseline, Map<String, Row> functions) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of the table, in milliseconds and MiB; null where not measured. */
    record Row(Double jvmStartMs, Double initMs, Double firstInvokeMs, Double coldTotalMs, Double ratioToBaseline,
               Double primedFirstInvokeMs, Double warmP50Ms, Double warmP99Ms, Double rssMb, Double jarMb,
               String warmStatuses, String memorySize) {
    }

    static Report of(List<ProbeResult> baselineRuns, List<BenchFunction> functions,
                     Map<String, List<ProbeResult>> cold, Map<String, List<ProbeResult>> primed) {
        Row baseline = row(baselineRuns, List.of(), null, null, null);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (BenchFunction function : functions) {
            rows.put(function.logicalId(), row(cold.get(function.logicalId()),
                    primed.getOrDefault(function.logicalId(), List.of()), baseline.coldTotalMs(), function.jarMb(),
                    function.memorySize()));
        }
        return new Report(baseline, rows);
    }

    private static Row row(List<ProbeResult> runs, List<ProbeResult> primedRuns, Double baselineColdTotal, Double jarMb,
                           String memorySize) {
        Double coldTotal = median(runs, result -> result.number("coldTotalMs"));
        // Warm numbers and peak RSS come from the run that made the warm invocations.
        ProbeResult warm = runs.stream().filter(result -> result.optionalNumber("warmP50Ms") != null).findFirst().orElse(null);
        return new Row(median(runs, result -> result.number("jvmStartMs")),
                median(runs, result -> result.number("initMs")),
                median(runs, result -> result.number("firstInvokeMs")),
                coldTotal,
                baselineColdTotal == null ? null : coldTotal / baselineColdTotal,
                median(primedRuns, result -> result.number("firstInvokeMs")),
                warm == null ? null : warm.number("warmP50Ms"),
                warm == null ? null : warm.number("warmP99Ms"),
                warm == null ? median(runs, result -> result.number("rssMb")) : warm.number("rssMb"),
                jarMb,
                warm == null ? null : warm.text("warmStatuses"),
                memorySize);
    }

    private static Double median(List<ProbeResult> runs, Function<ProbeResult, Double> field) {
        List<Double> values = new ArrayList<>();
        runs.forEach(run -> values.add(field.apply(run)));
        return Stats.median(values);
    }

    String table() {
        String header = String.format(Locale.ROOT, "%-34s %9s %8s %9s %9s %6s %9s %8s %8s %7s %7s",
                "function", "JVM start", "init", "1st call", "cold tot", "ratio", "primed 1st", "warm p50", "warm p99",
                "RSS MB", "jar MB");
        StringBuilder table = new StringBuilder(header).append('\n').append("-".repeat(header.length())).append('\n');
        table.append(line("baseline (SDK GetItem)", baseline)).append('\n');
        functions.forEach((id, row) -> table.append(line(id, row)).append('\n'));
        table.append("(milliseconds; medians of the cold JVMs; ratio = cold total / the baseline's cold total)");
        functions.forEach((id, row) -> {
            if (row.warmStatuses() != null && !row.warmStatuses().matches("[23]\\d\\d:\\d+")) {
                table.append("\nnote: ").append(id).append(" warm responses by status: ").append(row.warmStatuses());
            }
        });
        return table.toString();
    }

    private static String line(String name, Row row) {
        return String.format(Locale.ROOT, "%-34s %9s %8s %9s %9s %6s %9s %8s %8s %7s %7s", name,
                format(row.jvmStartMs(), 1), format(row.initMs(), 1), format(row.firstInvokeMs(), 1),
                format(row.coldTotalMs(), 1), format(row.ratioToBaseline(), 2), format(row.primedFirstInvokeMs(), 1),
                format(row.warmP50Ms(), 2), format(row.warmP99Ms(), 2), format(row.rssMb(), 0), format(row.jarMb(), 1));
    }

    private static String format(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The table in Markdown, for the README: {@code results.md}. */
    String markdown(String circumstances) {
        StringBuilder table = new StringBuilder(
                "| function | JVM start | init | 1st invocation | cold total | × baseline | primed 1st invocation | warm p50 | warm p99 | peak RSS MB | jar MB | MemorySize |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        table.append(markdownLine("baseline: SDK `DynamoDbClient` + `GetItem`", baseline));
        functions.forEach((id, row) -> table.append(markdownLine(id, row)));
        return table.append("\n").append(circumstances).append('\n').toString();
    }

    private static String markdownLine(String name, Row row) {
        return "| " + String.join(" | ", name, format(row.jvmStartMs(), 0), format(row.initMs(), 0),
                format(row.firstInvokeMs(), 0), format(row.coldTotalMs(), 0), format(row.ratioToBaseline(), 2),
                format(row.primedFirstInvokeMs(), 1), format(row.warmP50Ms(), 2), format(row.warmP99Ms(), 2),
                format(row.rssMb(), 0), format(row.jarMb(), 1), row.memorySize() == null ? "-" : row.memorySize()) + " |\n";
    }

    /** {@code results.json}: the shape issue 5 asks for, plus the primed first invocation. */
    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("coldTotalMs", Stats.round(baseline.coldTotalMs(), 1));
        base.put("warmP50Ms", Stats.round(baseline.warmP50Ms(), 3));
        document.put("baseline", base);
        Map<String, Object> byFunction = new LinkedHashMap<>();
        functions.forEach((id, row) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("initMs", Stats.round(row.initMs(), 1));
            values.put("firstInvokeMs", Stats.round(row.firstInvokeMs(), 1));
            values.put("coldTotalMs", Stats.round(row.coldTotalMs(), 1));
            values.put("ratioToBaseline", Stats.round(row.ratioToBaseline(), 3));
            values.put("warmP50Ms", Stats.round(row.warmP50Ms(), 3));
            values.put("warmP99Ms", Stats.round(row.warmP99Ms(), 3));
            values.put("rssMb", Stats.round(row.rssMb(), 1));
            values.put("jarMb", Stats.round(row.jarMb(), 2));
            values.put("primedFirstInvokeMs", Stats.round(row.primedFirstInvokeMs(), 1));
            byFunction.put(id, values);
        });
        document.put("functions", byFunction);
        return write(document);
    }

    /** Everything measured, with the run's circumstances: {@code details.json}. */
    String detailsJson(Map<String, String> circumstances) {
        Map<String, Object> document = new LinkedHashMap<>(circumstances);
        document.put("baseline", baseline);
        document.put("functions", functions);
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
