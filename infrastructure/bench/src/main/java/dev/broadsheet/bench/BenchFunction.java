package dev.broadsheet.bench;

import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import dev.broadsheet.template.SamTemplate.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A function of the template as the benchmark runs it: its deployment jar (CodeUri), handler
 * class, the sample event of its first route, and its process environment (the template's
 * variables with references resolved to the emulators' names, minus {@code JAVA_TOOL_OPTIONS},
 * which is given to the JVM the way Lambda gives it: as that environment variable).
 */
record BenchFunction(String logicalId, String handlerClass, Path jar, Path event, String javaToolOptions,
                     Map<String, String> environment, String memorySize) {

    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final Pattern ROUTE_KEY = Pattern.compile("\"routeKey\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Every function of the template.
     *
     * @param references what a {@code Ref} stands for locally: parameter defaults and resource names
     * @param awsEnvironment the emulators' endpoints, region and keys
     */
    static List<BenchFunction> all(SamTemplate template, Path root, Function<String, String> references,
                                   Map<String, String> awsEnvironment) {
        Map<String, Path> eventsByRoute = eventsByRoute(root.resolve("events"));
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.document().get("Globals")).get("Function"));
        List<BenchFunction> functions = new ArrayList<>();
        for (FunctionDefinition definition : template.functions()) {
            if (definition.routes().isEmpty()) {
                throw new IllegalStateException(definition.logicalId() + " has no HttpApi route: the benchmark has no event for it");
            }
            Route route = definition.routes().get(0);
            Path event = eventsByRoute.get(route.method() + " " + route.path());
            if (event == null) {
                throw new IllegalStateException("No file in events/ has the routeKey \"" + route.method() + " " + route.path()
                        + "\" of " + definition.logicalId());
            }
            Map<String, String> environment = new TreeMap<>();
            String javaToolOptions = null;
            for (Map.Entry<String, Object> variable : definition.environment().entrySet()) {
                String value = Intrinsics.resolve(variable.getValue(), references);
                if (variable.getKey().equals(JAVA_TOOL_OPTIONS)) {
                    javaToolOptions = value;
                } else {
                    environment.put(variable.getKey(), value);
                }
            }
            environment.putAll(awsEnvironment);
            Object memory = definition.properties().getOrDefault("MemorySize", globals.get("MemorySize"));
            functions.add(new BenchFunction(definition.logicalId(), definition.handlerClass(),
                    root.resolve(definition.codeUri()), event, javaToolOptions, environment,
                    memory == null ? "128" : String.valueOf(memory)));
        }
        return functions;
    }

    /** The events of {@code events/}, by their {@code routeKey}. */
    static Map<String, Path> eventsByRoute(Path eventsDir) {
        Map<String, Path> byRoute = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(eventsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Matcher matcher = ROUTE_KEY.matcher(Files.readString(file));
                if (matcher.find()) {
                    byRoute.putIfAbsent(matcher.group(1), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + eventsDir, e);
        }
        return byRoute;
    }

    double jarMb() {
        try {
            return Files.size(jar) / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
