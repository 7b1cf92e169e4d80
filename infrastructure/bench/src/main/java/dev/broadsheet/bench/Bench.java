package dev.broadsheet.bench;

import dev.broadsheet.emulators.Emulators;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.local.Functions;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.runtime.FunctionConfig;
import dev.broadsheet.runtime.RuntimeOptions;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import dev.broadsheet.template.SamTemplate.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark: every function of {@code template.yaml} as the local Lambda runtime runs it (its
 * deployment jar in a JVM of its own under the official runtime interface client, the template's
 * memory, JVM options and environment) against the local emulators, beside the Java floor and the
 * Node.js and Python peers, all interleaved round by round so that a busy moment of the machine
 * hits every row. Prints the table and writes {@code target/bench/results.json}.
 */
public final class Bench {

    private static final Pattern ROUTE_KEY = Pattern.compile("\"routeKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RULE = Pattern.compile("\"arn:aws:events:[^\"]*:rule/([^\"]+)\"");
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final List<String> RUNTIME_SETTINGS = List.of(JAVA_TOOL_OPTIONS, "AWS_LAMBDA_LOG_FORMAT",
            "AWS_LAMBDA_LOG_LEVEL");

    private Bench() {
    }

    static final String USAGE = """
            Usage: infrastructure/bench/run [options]        every function of template.yaml beside the floor and peers
                   infrastructure/bench/run jmh [JMH options] microbenchmarks of the hot paths
              --reps N              new execution environments per row for the cold numbers (default 7; medians)
              --warm N              warm invocations in the first environment of each row (default 1000)
              --primed-reps N       environments per function for the primed first invocation (default 3)
              --only Id,Id          only these functions (logical ids of template.yaml); the floor and peers always run
              --variant NAME=IDS[,jar=PATH][,java=JAVA_HOME][,options=JAVA_TOOL_OPTIONS][,env=VARIABLE=VALUE]
                                    also run functions another way, as rows IDS@NAME (A/B in one run); IDS is
                                    Id, Id+Id or 'java' (every Java row: functions, floor, do-nothing); repeatable
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
        Path baselineJar = moduleTarget.resolve("baseline.jar");
        SamTemplate template = SamTemplate.ofProject();
        RuntimeOptions runtimeOptions = RuntimeOptions.defaults(root);

        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(baselineJar)) {
            missing.add(root.relativize(baselineJar).toString());
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
            List<FunctionConfig> configs = Functions.configs(template, root, aws);
            Map<String, Path> events = eventsByFunction(template, root.resolve("events"));
            FunctionConfig getArticle = configs.stream().filter(c -> c.name().equals("GetArticleFunction")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("template.yaml has no GetArticleFunction: the floor and"
                            + " peers do its GetItem"));
            Path getArticleEvent = events.get(getArticle.name());

            List<Subject> subjects = new ArrayList<>();
            Map<String, String> versions = new HashMap<>();
            Map<String, String> absent = new LinkedHashMap<>();
            Map<String, String> referenceEnvironment = new TreeMap<>(aws.environment());
            referenceEnvironment.put("TABLE_NAME", aws.physicalNames().get("ArticlesTable"));
            // The Java reference rows share the function's runtime settings, not its code: the JVM options and
            // the log format (JSON logs make the runtime client load Gson at init: a cold-start cost of its own).
            Map<String, String> javaReference = new TreeMap<>(referenceEnvironment);
            for (String variable : RUNTIME_SETTINGS) {
                if (getArticle.environment().containsKey(variable)) {
                    javaReference.put(variable, getArticle.environment().get(variable));
                }
            }
            subjects.add(new Subject(Report.FLOOR, Subject.Kind.FLOOR, "java", reference(Report.FLOOR, baselineJar,
                    "dev.broadsheet.bench.baseline.FloorHandler::handleRequest", getArticle, javaReference, "java21"),
                    getArticleEvent, null));
            for (Peers.Peer peer : List.of(Peers.node(root), Peers.python(root))) {
                String label = peer.name().equals("node") ? Report.NODE : Report.PYTHON;
                if (peer.absentBecause() != null) {
                    absent.put(label, peer.absentBecause());
                    System.out.println(label + " skipped: " + peer.absentBecause());
                    continue;
                }
                subjects.add(new Subject(label, Subject.Kind.PEER, peer.name(), reference(label, peer.code(), peer.handler(),
                        getArticle, referenceEnvironment, "provided.al2023"), getArticleEvent, null));
                versions.put(label, peer.version());
            }
            for (FunctionConfig config : configs) {
                if (options.only().isEmpty() || options.only().contains(config.name())) {
                    subjects.add(new Subject(config.name(), Subject.Kind.FUNCTION, "java", config, events.get(config.name()), null));
                }
            }
            subjects.add(new Subject("JavaDoNothing", Subject.Kind.DO_NOTHING, "java", reference("JavaDoNothing", baselineJar,
                    "dev.broadsheet.bench.baseline.DoNothingHandler::handleRequest", getArticle, javaReference, "java21"),
                    getArticleEvent, null));
            for (Peers.Peer peer : List.of(Peers.node(root), Peers.python(root))) {
                if (peer.absentBecause() == null) {
                    String label = peer.name().equals("node") ? "NodeDoNothing" : "PythonDoNothing";
                    subjects.add(new Subject(label, Subject.Kind.DO_NOTHING, peer.name(), reference(label, peer.code(),
                            peer.doNothingHandler(), getArticle, referenceEnvironment, "provided.al2023"), getArticleEvent, null));
                }
            }
            subjects = withVariants(subjects, options.variants());

            Runner runner = new Runner(runtimeOptions, moduleTarget.resolve("bench/logs"));
            Map<String, List<Measurement>> cold = new LinkedHashMap<>();
            Map<String, List<Measurement>> primed = new LinkedHashMap<>();
            FunctionConfig issuer = configs.stream().filter(c -> events.get(c.name()).getFileName().toString()
                    .equals("create-challenge.json")).findFirst().orElseThrow(
                            () -> new IllegalStateException("No function of the template serves events/create-challenge.json"));
            try (SampleEvents sampleEvents = new SampleEvents(issuer, events.get(issuer.name()), runtimeOptions)) {
                for (int rep = 0; rep < options.reps(); rep++) {
                    int warm = rep == 0 ? options.warm() : 0;
                    System.out.printf("Round %d of %d%s (load %s)%n", rep + 1, options.reps(),
                            warm > 0 ? " with " + warm + " warm invocations" : "", Machine.loadAverage());
                    for (Subject subject : subjects) {
                        fresh(aws);
                        cold.computeIfAbsent(subject.label(), id -> new ArrayList<>())
                                .add(runner.run(subject, sampleEvents.forRun(subject, warm), false));
                    }
                }
                System.out.println("Primed first invocations (SnapStart's lifecycle: hooks around restore/next)...");
                for (int rep = 0; rep < options.primedReps(); rep++) {
                    for (Subject subject : subjects) {
                        if (subject.kind() == Subject.Kind.FUNCTION) {
                            fresh(aws);
                            primed.computeIfAbsent(subject.label(), id -> new ArrayList<>())
                                    .add(runner.run(subject, sampleEvents.forRun(subject, 0), true));
                        }
                    }
                }
            }

            String runtime = runtimeClientVersion(runtimeOptions);
            Report report = Report.of(runtime, subjects, versions, cold, primed, absent);
            String loadAfter = Machine.loadAverage();
            System.out.println();
            System.out.println(report.table());
            String circumstances = String.format("%s; %s; functions on %s under %s; %d cold environments per row"
                            + " (medians), %d warm invocations, %d primed environments; load average before %s, after %s",
                    started, Machine.description(), Machine.java(runtimeOptions.javaHome()), runtime, options.reps(),
                    options.warm(), options.primedReps(), loadBefore, loadAfter);
            System.out.println(circumstances);
            Path results = moduleTarget.resolve("bench/results.json");
            Files.createDirectories(results.getParent());
            Files.writeString(results, report.json());
            Files.writeString(moduleTarget.resolve("bench/results.md"), report.markdown(circumstances));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("date", started.toString());
            details.put("machine", Machine.description());
            details.put("functionsJava", Machine.java(runtimeOptions.javaHome()));
            details.put("loadAverageBefore", loadBefore);
            details.put("loadAverageAfter", loadAfter);
            details.put("coldRepetitions", String.valueOf(options.reps()));
            details.put("warmInvocations", String.valueOf(options.warm()));
            details.put("variants", String.join(" ", options.variants()));
            Files.writeString(moduleTarget.resolve("bench/details.json"), report.detailsJson(details));
            System.out.println("Wrote " + root.relativize(results) + " (and details.json, results.md beside it)");
        }
    }

    /** A reference row's function: another handler and code, GetArticleFunction's memory and timeout. */
    private static FunctionConfig reference(String name, Path code, String handler, FunctionConfig like,
                                            Map<String, String> environment, String runtime) {
        return new FunctionConfig(name, code, handler, like.memoryMb(), like.timeout(), environment, runtime);
    }

    /**
     * Each function's sample event: the file of {@code events/} whose routeKey is its first route's,
     * or, for a function run by a Schedule event, the EventBridge event naming its rule
     * ({@code rule/<function>-<event>}).
     */
    static Map<String, Path> eventsByFunction(SamTemplate template, Path eventsDir) {
        Map<String, Path> byRoute = new LinkedHashMap<>();
        Map<String, Path> byRule = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(eventsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher matcher = ROUTE_KEY.matcher(text);
                if (matcher.find()) {
                    byRoute.putIfAbsent(matcher.group(1), file);
                }
                Matcher rule = RULE.matcher(text);
                if (rule.find()) {
                    byRule.putIfAbsent(rule.group(1), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + eventsDir, e);
        }
        Map<String, Path> byFunction = new LinkedHashMap<>();
        for (FunctionDefinition definition : template.functions()) {
            if (definition.routes().isEmpty()) {
                Path event = template.schedules().stream().filter(schedule -> schedule.functionId().equals(definition.logicalId()))
                        .map(schedule -> byRule.get(schedule.functionId() + "-" + schedule.eventId())).filter(java.util.Objects::nonNull)
                        .findFirst().orElseThrow(() -> new IllegalStateException(definition.logicalId()
                                + " has no HttpApi route and no events/ file names its Schedule rule: the benchmark has no event for it"));
                byFunction.put(definition.logicalId(), event);
                continue;
            }
            Route route = definition.routes().get(0);
            Path event = byRoute.get(route.method() + " " + route.path());
            if (event == null) {
                throw new IllegalStateException("No file in events/ has the routeKey \"" + route.method() + " " + route.path()
                        + "\" of " + definition.logicalId());
            }
            byFunction.put(definition.logicalId(), event);
        }
        return byFunction;
    }

    /**
     * Adds, for each variant, rows running Java subjects another way: from another jar, on another
     * JDK, or with other JVM options (which come after the runtime's own, as on Lambda).
     */
    static List<Subject> withVariants(List<Subject> subjects, List<String> variants) {
        List<Subject> all = new ArrayList<>(subjects);
        for (String variant : variants) {
            int equals = variant.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--variant " + variant + ": expected NAME=IDS[,key=value...]");
            }
            String name = variant.substring(0, equals);
            String[] parts = variant.substring(equals + 1).split(",");
            List<String> ids = List.of(parts[0].split("\\+"));
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
                if (eq < 0 || !List.of("jar", "java", "options", "env").contains(key)) {
                    throw new IllegalArgumentException("--variant " + variant + ": unknown setting " + parts[i]);
                }
                settings.put(key, parts[i].substring(eq + 1));
            }
            List<Subject> chosen = subjects.stream().filter(s -> s.language().equals("java")
                    && (ids.contains("java") || ids.contains(s.label()))).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("--variant " + variant + ": no Java row named " + parts[0]);
            }
            for (Subject subject : chosen) {
                FunctionConfig f = subject.function();
                Path code = settings.containsKey("jar") ? Path.of(settings.get("jar")).toAbsolutePath() : f.codeUri();
                Map<String, String> environment = new TreeMap<>(f.environment());
                if (settings.containsKey("options")) {
                    environment.put(JAVA_TOOL_OPTIONS, settings.get("options"));
                }
                if (settings.containsKey("env")) {
                    String[] assignment = settings.get("env").split("=", 2);
                    environment.put(assignment[0], assignment.length > 1 ? assignment[1] : "");
                }
                String label = subject.label() + "@" + name;
                all.add(new Subject(label, subject.kind(), subject.language(), new FunctionConfig(label, code, f.handler(),
                        f.memoryMb(), f.timeout(), environment, f.runtime()), subject.event(),
                        settings.containsKey("java") ? Path.of(settings.get("java")) : subject.javaHome()));
            }
        }
        return all;
    }

    /** Each row starts from the same data: the sample article, nothing a previous run wrote. */
    private static void fresh(LocalAws aws) {
        aws.reset();
        SampleArticle.publish(aws);
    }

    /** e.g. {@code aws-lambda-java-runtime-interface-client 2.10.1}, from the client's jar name. */
    static String runtimeClientVersion(RuntimeOptions options) {
        return options.runtimeClientJars().stream().map(jar -> jar.getFileName().toString())
                .filter(name -> name.startsWith("aws-lambda-java-runtime-interface-client-"))
                .map(name -> name.replaceFirst("^(aws-lambda-java-runtime-interface-client)-(.+)\\.jar$", "$1 $2"))
                .findFirst().orElse("unknown runtime client");
    }

    record Options(int reps, int warm, int primedReps, List<String> only, List<String> variants) {

        static Options parse(String[] args) {
            int reps = 7;
            int warm = 1000;
            int primedReps = 3;
            List<String> only = List.of();
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (!List.of("--reps", "--warm", "--primed-reps", "--only", "--variant").contains(args[i])) {
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
                    case "--variant" -> variants.add(value);
                    default -> throw new IllegalStateException("unreachable: " + args[i]);
                }
                i++;
            }
            if (reps < 1 || warm < 0 || primedReps < 0) {
                throw new IllegalArgumentException("--reps must be at least 1, --warm and --primed-reps at least 0");
            }
            return new Options(reps, warm, primedReps, only, variants);
        }
    }
}
