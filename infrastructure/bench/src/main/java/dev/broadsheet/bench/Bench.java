package dev.broadsheet.bench;

import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: for every function of {@code template.yaml}, fresh JVMs with exactly its
 * deployment jar against the local emulators, beside the bare-SDK baseline measured in the same
 * run (interleaved with the functions, so that a busy moment of the machine hits both). Prints the
 * table and writes {@code target/bench/results.json}.
 *
 * <p>Options: {@code --reps N} cold JVMs per function (default 7), {@code --warm N} warm
 * invocations (default 1000), {@code --primed-reps N} (default 3), {@code --only Id,Id},
 * {@code --jvm-options "..."} added to every probe JVM's options (diagnosis: the numbers are then
 * not comparable to a plain run), {@code --variant LogicalId=path/to/other.jar} (repeatable) an
 * extra row running that function from another jar, for before/after comparisons in one run.
 */
public final class Bench {

    static final String PROBE_MAIN = "dev.broadsheet.bench.probe.FunctionProbe";
    static final String BASELINE_MAIN = "dev.broadsheet.bench.baseline.BaselineProbe";

    private Bench() {
    }

    static final String USAGE = """
            Usage: infrastructure/bench/run [options]        every function of template.yaml beside the baseline
                   infrastructure/bench/run jmh [JMH options] microbenchmarks of the hot paths
              --reps N              fresh JVMs per function for the cold numbers (default 7; medians)
              --warm N              warm invocations in the first JVM of each function (default 1000)
              --primed-reps N       fresh JVMs per function for the primed first invocation (default 3)
              --only Id,Id          only these functions (logical ids of template.yaml)
              --variant Id=jar      also run function Id from another jar (A/B in one run); repeatable
              --jvm-options "..."   added to every probe JVM's options, for diagnosis (-Xlog:class+load ...)
            Writes infrastructure/bench/target/bench/results.json, details.json and results.md.
            """;

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n");
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Path root = ProjectFiles.root();
        Path moduleTarget = root.resolve("infrastructure/bench/target");
        Path probeJar = moduleTarget.resolve("bench-probe.jar");
        Path baselineJar = moduleTarget.resolve("baseline.jar");
        SamTemplate template = SamTemplate.ofProject();

        List<String> missing = new ArrayList<>();
        for (Path jar : List.of(probeJar, baselineJar)) {
            if (!Files.isRegularFile(jar)) {
                missing.add(root.relativize(jar).toString());
            }
        }
        template.functions().forEach(function -> {
            if (!Files.isRegularFile(root.resolve(function.codeUri()))) {
                missing.add(function.codeUri() + " (" + function.logicalId() + ")");
            }
        });
        if (!missing.isEmpty()) {
            System.err.println("Missing jars: " + String.join(", ", missing)
                    + "\nBuild them first, from the repository root: mvn -q -DskipTests package");
            System.exit(2);
        }

        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        System.out.println("Starting the emulators...");
        try (LocalAws aws = Emulators.start(Emulators.Options.inMemory())) {
            SampleArticle.publish(aws);
            Map<String, String> parameters = template.parameterDefaults();
            Map<String, String> names = aws.physicalNames();
            List<BenchFunction> all = BenchFunction.all(template, root,
                    ref -> parameters.containsKey(ref) ? parameters.get(ref) : names.get(ref), aws.environment());
            List<BenchFunction> functions = withVariants(all.stream()
                    .filter(function -> options.only().isEmpty() || options.only().contains(function.logicalId()))
                    .toList(), options.variants());
            String javaToolOptions = functions.isEmpty() ? null : functions.get(0).javaToolOptions();
            ProbeLauncher launcher = new ProbeLauncher(moduleTarget.resolve("bench/logs"));
            // All functions of the template, also those left out by --only: a challenge issuer may be needed.
            SampleEvents events = new SampleEvents(all, moduleTarget.resolve("bench/events"));

            Map<String, List<ProbeResult>> cold = new LinkedHashMap<>();
            Map<String, List<ProbeResult>> primed = new LinkedHashMap<>();
            List<ProbeResult> baseline = new ArrayList<>();
            for (int rep = 0; rep < options.reps(); rep++) {
                int warm = rep == 0 ? options.warm() : 0;
                System.out.printf("Round %d of %d%s%n", rep + 1, options.reps(), warm > 0 ? " (with " + warm + " warm invocations)" : "");
                baseline.add(baseline(launcher, aws, baselineJar, options.jvmOptions(javaToolOptions), warm, rep));
                for (BenchFunction function : functions) {
                    fresh(aws);
                    String label = function.logicalId() + "-cold-" + rep;
                    ProbeResult result = launcher.run(label, List.of(function.jar(), probeJar), PROBE_MAIN,
                            List.of("cold", function.handlerClass(), events.forRun(function, label, warm).toString(), String.valueOf(warm)),
                            processEnvironment(function.environment(), options.jvmOptions(function.javaToolOptions())));
                    check(function, result);
                    cold.computeIfAbsent(function.logicalId(), id -> new ArrayList<>()).add(result);
                }
            }
            System.out.println("Primed first invocations (the SnapStart stand-in)...");
            for (int rep = 0; rep < options.primedReps(); rep++) {
                for (BenchFunction function : functions) {
                    fresh(aws);
                    String label = function.logicalId() + "-primed-" + rep;
                    ProbeResult result = launcher.run(label, List.of(function.jar(), probeJar), PROBE_MAIN,
                            List.of("primed", function.handlerClass(), events.forRun(function, label, 0).toString(), "0"),
                            processEnvironment(function.environment(), options.jvmOptions(function.javaToolOptions())));
                    check(function, result);
                    primed.computeIfAbsent(function.logicalId(), id -> new ArrayList<>()).add(result);
                }
            }

            Report report = Report.of(baseline, functions, cold, primed);
            String loadAfter = Machine.loadAverage();
            System.out.println();
            System.out.println(report.table());
            String circumstances = String.format("%s; %s; %d cold JVMs per function (medians), %d warm invocations,"
                            + " %d primed JVMs; load average before %s, after %s; JAVA_TOOL_OPTIONS=%s",
                    started, Machine.description(), options.reps(), options.warm(), options.primedReps(),
                    loadBefore, loadAfter, javaToolOptions);
            System.out.println(circumstances);
            Path results = moduleTarget.resolve("bench/results.json");
            Files.writeString(results, report.json());
            Files.writeString(moduleTarget.resolve("bench/results.md"), report.markdown(circumstances));
            Files.writeString(moduleTarget.resolve("bench/details.json"), report.detailsJson(Map.of(
                    "date", started.toString(),
                    "machine", Machine.description(),
                    "loadAverageBefore", loadBefore,
                    "loadAverageAfter", loadAfter,
                    "javaToolOptions", String.valueOf(javaToolOptions),
                    "coldRepetitions", String.valueOf(options.reps()),
                    "warmInvocations", String.valueOf(options.warm()))));
            System.out.println("Wrote " + root.relativize(results) + " (and details.json, results.md beside it)");
        }
    }

    /**
     * Adds, for each {@code LogicalId=jar} variant, a row running that function with another jar
     * (e.g. built before a change): an A/B comparison measured in the same run.
     */
    private static List<BenchFunction> withVariants(List<BenchFunction> functions, List<String> variants) {
        List<BenchFunction> all = new ArrayList<>(functions);
        for (String variant : variants) {
            int equals = variant.indexOf('=');
            String id = variant.substring(0, Math.max(equals, 0));
            Path jar = Path.of(variant.substring(equals + 1)).toAbsolutePath();
            BenchFunction function = functions.stream().filter(f -> f.logicalId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--variant " + variant + ": no function " + id));
            String label = jar.getFileName().toString().replaceAll("\\.jar$", "");
            all.add(new BenchFunction(id + "@" + label, function.handlerClass(), jar, function.event(),
                    function.javaToolOptions(), function.environment(), function.memorySize()));
        }
        return all;
    }

    /** Each function starts from the same data: the sample article, nothing a previous run wrote. */
    private static void fresh(LocalAws aws) {
        aws.reset();
        SampleArticle.publish(aws);
    }

    private static ProbeResult baseline(ProbeLauncher launcher, LocalAws aws, Path baselineJar, String javaToolOptions,
                                        int warm, int rep) {
        ProbeResult result = launcher.run("baseline-" + rep, List.of(baselineJar), BASELINE_MAIN,
                List.of(aws.dynamoDbEndpoint().toString(), aws.region().id(), aws.accessKeyId(), aws.secretAccessKey(),
                        aws.physicalNames().get("ArticlesTable"), "slug", SampleArticle.SLUG, String.valueOf(warm)),
                processEnvironment(Map.of(), javaToolOptions));
        if (result.firstStatus() != 200) {
            throw new IllegalStateException("The baseline's GetItem did not find the sample article: " + result.values());
        }
        return result;
    }

    private static void check(BenchFunction function, ProbeResult result) {
        if (result.output().contains("SnapStart priming of") || result.output().contains("Unhandled error")) {
            throw new IllegalStateException(function.logicalId() + " failed along the way (its priming or a request):\n"
                    + result.output());
        }
        int status = result.firstStatus();
        if (status < 200 || status >= 400) {
            throw new IllegalStateException(function.logicalId() + " answered its sample event " + function.event()
                    + " with " + status + ": the benchmark measures working requests only");
        }
    }

    private static Map<String, String> processEnvironment(Map<String, String> variables, String javaToolOptions) {
        Map<String, String> environment = new LinkedHashMap<>(variables);
        if (javaToolOptions != null) {
            environment.put(BenchFunction.JAVA_TOOL_OPTIONS, javaToolOptions);
        }
        return environment;
    }

    /** @param extraJvmOptions appended to the template's JAVA_TOOL_OPTIONS, for diagnosis (e.g. -Xlog:class+load) */
    record Options(int reps, int warm, int primedReps, List<String> only, String extraJvmOptions, List<String> variants) {

        String jvmOptions(String templateOptions) {
            if (extraJvmOptions == null) {
                return templateOptions;
            }
            return templateOptions == null ? extraJvmOptions : templateOptions + " " + extraJvmOptions;
        }

        static Options parse(String[] args) {
            int reps = 7;
            int warm = 1000;
            int primedReps = 3;
            List<String> only = List.of();
            String extraJvmOptions = null;
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (!List.of("--reps", "--warm", "--primed-reps", "--only", "--jvm-options", "--variant").contains(args[i])) {
                    throw new IllegalArgumentException("Unknown option " + args[i]);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--reps" -> reps = Integer.parseInt(value);
                    case "--warm" -> warm = Integer.parseInt(value);
                    case "--primed-reps" -> primedReps = Integer.parseInt(value);
                    case "--only" -> only = List.of(value.split(","));
                    case "--jvm-options" -> extraJvmOptions = value;
                    case "--variant" -> variants.add(value);
                    default -> throw new IllegalStateException("unreachable: " + args[i]);
                }
                i++;
            }
            if (reps < 1 || warm < 0 || primedReps < 0) {
                throw new IllegalArgumentException("--reps must be at least 1, --warm and --primed-reps at least 0");
            }
            return new Options(reps, warm, primedReps, only, extraJvmOptions, variants);
        }
    }
}
