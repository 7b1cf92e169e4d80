package dev.broadsheet.local;

import dev.broadsheet.runtime.FunctionConfig;
import dev.broadsheet.runtime.InvocationResult;
import dev.broadsheet.runtime.LambdaRuntime;
import dev.broadsheet.runtime.RuntimeOptions;
import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template's functions as the local Lambda runtime runs them: each from its {@code CodeUri}
 * deployment jar, in JVMs of its own, with its {@code Handler}, {@code MemorySize}, {@code Timeout}
 * and environment.
 */
final class Functions implements AutoCloseable {

    private final LambdaRuntime runtime;
    private final List<String> names;

    private Functions(LambdaRuntime runtime, List<String> names) {
        this.runtime = runtime;
        this.names = names;
    }

    static Functions start(SamTemplate template, Path templateDir, References references,
                           Map<String, String> awsEnvironment, RuntimeOptions options) {
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.document().get("Globals")).get("Function"));
        List<FunctionConfig> configs = new ArrayList<>();
        for (FunctionDefinition definition : template.functions()) {
            configs.add(config(definition, globals, templateDir, references, awsEnvironment));
        }
        return new Functions(LambdaRuntime.start(configs, options), configs.stream().map(FunctionConfig::name).toList());
    }

    static FunctionConfig config(FunctionDefinition definition, Map<String, Object> globals, Path templateDir,
                                 References references, Map<String, String> awsEnvironment) {
        Map<String, Object> properties = definition.properties();
        return new FunctionConfig(definition.logicalId(),
                templateDir.resolve(definition.codeUri()).normalize(),
                definition.handler(),
                number(definition, globals, "MemorySize", 128),
                Duration.ofSeconds(number(definition, globals, "Timeout", 3)),
                environment(definition, globals, references, awsEnvironment),
                String.valueOf(properties.getOrDefault("Runtime", globals.getOrDefault("Runtime", "java21"))));
    }

    /**
     * The template's variables (globals merged, {@code JAVA_TOOL_OPTIONS} included: the function's JVM
     * reads it as on Lambda), references resolved; the emulators' endpoints and keys; and what
     * Lambda derives from {@code LoggingConfig}.
     */
    static Map<String, String> environment(FunctionDefinition definition, Map<String, Object> globals,
                                           References references, Map<String, String> awsEnvironment) {
        Map<String, String> environment = new TreeMap<>();
        definition.environment().forEach((name, value) -> {
            try {
                environment.put(name, Intrinsics.resolve(value, references::lookup));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(definition.logicalId() + ", variable " + name + ": " + e.getMessage(), e);
            }
        });
        environment.putAll(awsEnvironment);
        Map<String, Object> logging = SamTemplate.map(definition.properties().getOrDefault("LoggingConfig",
                globals.get("LoggingConfig")));
        if (logging.get("LogFormat") != null) {
            environment.put("AWS_LAMBDA_LOG_FORMAT", String.valueOf(logging.get("LogFormat")).toUpperCase(java.util.Locale.ROOT));
        }
        if (logging.get("ApplicationLogLevel") != null) {
            environment.put("AWS_LAMBDA_LOG_LEVEL", String.valueOf(logging.get("ApplicationLogLevel")));
        }
        return environment;
    }

    private static int number(FunctionDefinition definition, Map<String, Object> globals, String property, int lambdaDefault) {
        Object value = definition.properties().getOrDefault(property, globals.get(property));
        return value == null ? lambdaDefault : Integer.parseInt(String.valueOf(value));
    }

    InvocationResult invoke(String logicalId, byte[] event) throws InterruptedException {
        return runtime.invoke(logicalId, event);
    }

    /** Starts one environment of every function, in parallel, and waits for their init. */
    void prestartAll() {
        List<Thread> starters = names.stream().map(name -> new Thread(() -> {
            try {
                runtime.prestart(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "prestart-" + name)).toList();
        starters.forEach(Thread::start);
        for (Thread starter : starters) {
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    LambdaRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
