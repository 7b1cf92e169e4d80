package dev.broadsheet.local;

import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Every function of the template, loaded at startup so a broken handler or configuration shows at once. */
final class Functions {

    /** Tuning for the Lambda JVM; meaningless for a handler running inside this one. */
    private static final String IN_PROCESS_IRRELEVANT = "JAVA_TOOL_OPTIONS";

    private final Map<String, LocalFunction> byId;

    private Functions(Map<String, LocalFunction> byId) {
        this.byId = byId;
    }

    static Functions load(SamTemplate template, References references, Map<String, String> awsEnvironment) {
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.document().get("Globals")).get("Function"));
        Map<String, LocalFunction> byId = new LinkedHashMap<>();
        for (FunctionDefinition definition : template.functions()) {
            byId.put(definition.logicalId(),
                    LocalFunction.load(definition, globals, environment(definition, references, awsEnvironment)));
        }
        return new Functions(byId);
    }

    /** The template's variables (globals merged), references resolved, plus the emulators' endpoints and keys. */
    static Map<String, String> environment(FunctionDefinition definition, References references,
                                           Map<String, String> awsEnvironment) {
        Map<String, String> environment = new TreeMap<>();
        definition.environment().forEach((name, value) -> {
            if (name.equals(IN_PROCESS_IRRELEVANT)) {
                return;
            }
            try {
                environment.put(name, Intrinsics.resolve(value, references::lookup));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(definition.logicalId() + ", variable " + name + ": " + e.getMessage(), e);
            }
        });
        environment.putAll(awsEnvironment);
        return environment;
    }

    LocalFunction get(String logicalId) {
        LocalFunction function = byId.get(logicalId);
        if (function == null) {
            throw new IllegalStateException("No function " + logicalId + " in template.yaml");
        }
        return function;
    }
}
