package dev.broadsheet.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code openapi.yaml}, the API's contract, as a checker of real responses: for a route (as
 * template.yaml names it, e.g. {@code GET /images/{key+}}), a status, headers and a body, what the
 * response does not keep of its promise — an undeclared status, a content type the operation does
 * not declare, a body that fails its JSON schema, a required header missing or malformed.
 */
public final class OpenApiContract {

    /** The URI the document is loaded under, so that its {@code $ref}s resolve inside it. */
    static final String DOCUMENT_URI = "https://broadsheet.dev/openapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(String yaml) throws IOException {
        this.document = YAML.readTree(yaml);
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, yaml))));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    public static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The contract of this repository: {@code openapi.yaml} beside {@code template.yaml}. */
    public static OpenApiContract ofProject() {
        return load(ProjectFiles.root().resolve("openapi.yaml"));
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as {@code METHOD /path}, paths as written in the document. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /**
     * A template route key in the document's spelling: API Gateway's greedy {@code {key+}} is the
     * path parameter {@code {key}} in OpenAPI.
     */
    public static String operationOf(String routeKey) {
        return routeKey.replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1}");
    }

    /**
     * What this response breaks of the contract; empty when it keeps it.
     *
     * @param routeKey the template's route key, e.g. {@code GET /articles/{slug}}
     * @param headers  response headers, any case
     * @param body     the body as sent, or null
     */
    public List<String> violations(String routeKey, int status, Map<String, String> headers, String body) {
        List<String> violations = new ArrayList<>();
        String operation = operationOf(routeKey);
        int space = operation.indexOf(' ');
        String method = operation.substring(0, space).toLowerCase(Locale.ROOT);
        String path = operation.substring(space + 1);
        String operationPointer = "/paths/" + escape(path) + "/" + method;
        JsonNode responses = document.at(operationPointer + "/responses");
        if (responses.isMissingNode()) {
            return List.of(operation + " is not in openapi.yaml");
        }
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            return List.of(operation + " answered " + status + ", which openapi.yaml does not declare");
        }
        while (response.has("$ref")) {
            responsePointer = response.path("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        Map<String, String> lowerCaseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            lowerCaseHeaders.putAll(headers);
        }
        checkHeaders(operation + " " + status, responsePointer, response, lowerCaseHeaders, violations);
        checkBody(operation + " " + status, responsePointer, response, lowerCaseHeaders.get("content-type"), body, violations);
        return violations;
    }

    /**
     * For the handler tests: returns {@code body} when the response keeps the contract, else throws
     * an {@link AssertionError} listing what it breaks.
     */
    public String requireKept(String routeKey, int status, Map<String, String> headers, String body) {
        List<String> violations = violations(routeKey, status, headers, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("openapi.yaml violated: " + String.join("; ", violations));
        }
        return body;
    }

    private void checkHeaders(String what, String responsePointer, JsonNode response, Map<String, String> headers,
                              List<String> violations) {
        Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> header = declared.next();
            String pointer = responsePointer + "/headers/" + escape(header.getKey());
            JsonNode definition = header.getValue();
            while (definition.has("$ref")) {
                pointer = definition.path("$ref").asText().substring(1);
                definition = document.at(pointer);
            }
            String value = headers.get(header.getKey());
            if (value == null) {
                if (definition.path("required").asBoolean()) {
                    violations.add(what + ": the required header " + header.getKey() + " is missing");
                }
                continue;
            }
            for (ValidationMessage message : schema(pointer + "/schema").validate(JSON.getNodeFactory().textNode(value))) {
                violations.add(what + ": header " + header.getKey() + " '" + value + "': " + message.getMessage());
            }
        }
    }

    private void checkBody(String what, String responsePointer, JsonNode response, String contentType, String body,
                           List<String> violations) {
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                violations.add(what + ": a body where openapi.yaml declares none");
            }
            return;
        }
        if (contentType == null) {
            violations.add(what + ": no Content-Type; openapi.yaml declares " + fieldNames(content));
            return;
        }
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            violations.add(what + ": Content-Type " + mediaType + " is not one of " + fieldNames(content));
            return;
        }
        if (!mediaType.endsWith("json")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(hasBody ? body : "");
        } catch (IOException e) {
            violations.add(what + ": the body is not JSON: " + e.getMessage());
            return;
        }
        if (parsed == null || parsed.isMissingNode()) {
            violations.add(what + ": " + mediaType + " without a body");
            return;
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        for (ValidationMessage message : schema(schemaPointer).validate(parsed)) {
            violations.add(what + ": " + message.getMessage());
        }
    }

    /** The schema at a JSON pointer into the document, compiled once. */
    private JsonSchema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, key -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + key), config));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON pointer token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
