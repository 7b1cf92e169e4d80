package dev.broadsheet.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code template.yaml} as plain data. CloudFormation short forms ({@code !Ref X},
 * {@code !GetAtt X.Arn}, {@code !Sub "..."}) are read as their long forms
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}), which is also what the SAM
 * schema validates.
 */
public final class SamTemplate {

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return new SamTemplate(cast(loaded));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The template of this repository: {@code template.yaml} under {@link ProjectFiles#root()}. */
    public static SamTemplate ofProject() {
        return load(ProjectFiles.root().resolve("template.yaml"));
    }

    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Object> resources() {
        return map(document.get("Resources"));
    }

    /** Resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> body = map(resource);
            if (type.equals(body.get("Type"))) {
                found.put(id, map(body.get("Properties")));
            }
        });
        return found;
    }

    /** Parameter defaults, by name; a CommaDelimitedList default stays a comma-separated string. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        map(document.get("Parameters")).forEach((name, parameter) -> {
            Object value = map(parameter).get("Default");
            if (value != null) {
                defaults.put(name, String.valueOf(value));
            }
        });
        return defaults;
    }

    /** The functions, with their global settings applied as SAM applies them. */
    public List<FunctionDefinition> functions() {
        Map<String, Object> globals = map(map(document.get("Globals")).get("Function"));
        Map<String, Object> globalVariables = map(map(globals.get("Environment")).get("Variables"));
        List<FunctionDefinition> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, properties) -> {
            Map<String, Object> variables = new LinkedHashMap<>(globalVariables);
            variables.putAll(map(map(properties.get("Environment")).get("Variables")));
            List<Route> routes = new ArrayList<>();
            map(properties.get("Events")).forEach((eventId, event) -> {
                Map<String, Object> eventBody = map(event);
                if ("HttpApi".equals(eventBody.get("Type"))) {
                    Map<String, Object> eventProperties = map(eventBody.get("Properties"));
                    routes.add(new Route(String.valueOf(eventProperties.get("Method")).toUpperCase(),
                            String.valueOf(eventProperties.get("Path")), id));
                }
            });
            functions.add(new FunctionDefinition(id, String.valueOf(properties.get("Handler")),
                    String.valueOf(properties.getOrDefault("CodeUri", globals.get("CodeUri"))),
                    variables, routes, properties));
        });
        return functions;
    }

    /**
     * The {@code Schedule} events (EventBridge rules) of every function, in template order: what
     * the local API runs on a timer, as EventBridge would.
     */
    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            map(function.properties().get("Events")).forEach((eventId, event) -> {
                Map<String, Object> eventBody = map(event);
                if ("Schedule".equals(eventBody.get("Type"))) {
                    Map<String, Object> properties = map(eventBody.get("Properties"));
                    schedules.add(new Schedule(function.logicalId(), eventId, String.valueOf(properties.get("Schedule")),
                            !Boolean.FALSE.equals(properties.get("Enabled"))));
                }
            });
        }
        return schedules;
    }

    public List<Route> routes() {
        return functions().stream().flatMap(function -> function.routes().stream()).toList();
    }

    /** The {@code CorsConfiguration} of the one {@code AWS::Serverless::HttpApi}, raw. */
    public Map<String, Object> corsConfiguration() {
        return resourcesOfType("AWS::Serverless::HttpApi").values().stream()
                .map(properties -> map(properties.get("CorsConfiguration")))
                .findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    /** A function resource: its handler, code and environment (globals merged), and its HTTP routes. */
    public record FunctionDefinition(String logicalId, String handler, String codeUri,
                                     Map<String, Object> environment, List<Route> routes,
                                     Map<String, Object> properties) {

        /** The handler class name, without the {@code ::method} suffix. */
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    /** A {@code Schedule} event: a function run at {@code expression} ({@code rate(1 minute)}, or a {@code cron(...)}). */
    public record Schedule(String functionId, String eventId, String expression, boolean enabled) {
    }

    /** An {@code HttpApi} event: {@code GET /articles/{slug}} served by a function. */
    public record Route(String method, String path, String functionId) {
    }

    /** Reads CloudFormation's short-form tags as the long-form intrinsic functions. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("Ref", "Condition")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
            for (String function : List.of("GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not",
                    "And", "Or", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "ToJsonString", "Length")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
                    value = key.equals("Fn::GetAtt") && text.contains(".")
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
