package dev.broadsheet.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.broadsheet.template.OpenApiContract;
import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi.yaml is a valid OpenAPI 3.1 document, lists exactly the routes of template.yaml, and its
 * checker finds what a response breaks. (The integration tests check every handler's responses
 * against it: the local API in strict mode, and the handler tests of each function module.)
 */
class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.ofProject();

    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        JsonSchema oas;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.yaml")) {
            JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree(in);
            oas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        }

        Set<ValidationMessage> errors = oas.validate(contract.document());

        assertEquals(Set.of(), errors);
        assertTrue(contract.document().path("openapi").asText().startsWith("3.1."));
        com.fasterxml.jackson.databind.node.ObjectNode broken = contract.document().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("paths").path("/articles").path("get"))
                .putArray("parameters").addObject().put("name", "limit");
        assertFalse(oas.validate(broken).isEmpty(), "a parameter without 'in' must be refused");
    }

    @Test
    void theDocumentListsExactlyTheTemplatesRoutes() {
        Set<String> routes = SamTemplate.ofProject().routes().stream()
                .map(route -> OpenApiContract.operationOf(route.method() + " " + route.path()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(routes, new TreeSet<>(contract.operations()));
    }

    @Test
    void everyExampleKeepsItsSchema() {
        int examples = 0;
        for (String operation : contract.operations()) {
            String[] parts = operation.split(" ", 2);
            JsonNode responses = contract.document().path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("responses");
            for (var status = responses.fieldNames(); status.hasNext(); ) {
                String code = status.next();
                JsonNode response = resolve(responses.path(code));
                for (var media = response.path("content").fields(); media.hasNext(); ) {
                    var entry = media.next();
                    JsonNode example = entry.getValue().path("example");
                    if (!example.isMissingNode()) {
                        examples++;
                        String headers = entry.getKey();
                        assertEquals(List.of(), contract.violations(operation, Integer.parseInt(code),
                                requiredHeadersFor(response, headers), example.toString()), operation + " " + code);
                    }
                }
            }
        }
        assertTrue(examples >= 3, "the document carries examples: " + examples);
    }

    @Test
    void theCheckerFindsWhatAResponseBreaks() {
        String route = "GET /articles/{slug}";
        Map<String, String> json = Map.of("Content-Type", "application/json", "ETag", "\"abc\"", "Cache-Control", "public, max-age=60");

        assertFalse(contract.violations(route, 200, json, "{\"slug\": \"Not A Slug\"}").isEmpty(), "a body off its schema");
        assertFalse(contract.violations(route, 200, Map.of("Content-Type", "application/json"), article()).isEmpty(),
                "ETag and Cache-Control are required");
        assertFalse(contract.violations(route, 418, json, article()).isEmpty(), "an undeclared status");
        assertFalse(contract.violations(route, 200, Map.of("Content-Type", "text/html", "ETag", "\"a\"", "Cache-Control", "x"),
                "<p>").isEmpty(), "an undeclared content type");
        assertFalse(contract.violations("POST /articles/{slug}/comments", 429,
                Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"),
                "{\"type\":\"https://broadsheet.dev/problems/comment-flood\",\"title\":\"Too many comments\",\"status\":429}").isEmpty(),
                "a 429 without Retry-After");
        assertFalse(contract.violations("GET /nowhere", 200, json, "{}").isEmpty(), "an unknown route");
        assertFalse(contract.violations(route, 200, json, article("{\"type\":\"paragraph\",\"text\":\"x\","
                + "\"content\":[{\"text\":\"x\",\"href\":\"javascript:alert(1)\"}]}")).isEmpty(), "a javascript: link");
        assertFalse(contract.violations(route, 200, json, article("{\"type\":\"embed\",\"text\":\"x\",\"provider\":\"myspace\","
                + "\"url\":\"https://myspace.com/x\"}")).isEmpty(), "an unknown embed provider");
        assertFalse(contract.violations(route, 200, json, article("{\"type\":\"heading\",\"text\":\"x\",\"level\":1,"
                + "\"content\":[{\"text\":\"x\"}]}")).isEmpty(), "a heading of level 1");
        assertEquals(List.of(), contract.violations(route, 200, json, article()));
        assertEquals(List.of(), contract.violations("GET /images/{key+}", 302,
                Map.of("Location", "https://bucket.s3.amazonaws.com/images/a/b.png?X-Amz-Signature=1", "Cache-Control", "public, max-age=450"), null));
    }

    private static String article() {
        return article("{\"type\":\"paragraph\",\"text\":\"Hi.\",\"content\":[{\"text\":\"Hi.\"}]}");
    }

    private static String article(String block) {
        return "{\"slug\":\"a-story\",\"headline\":\"A story\",\"publishedAt\":\"2026-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\",\"tags\":[],\"body\":[" + block + "],"
                + "\"comments\":{\"open\":true,\"count\":0},\"share\":{\"canonicalUrl\":\"https://news.example.com/a-story\"}}";
    }

    /** Plausible values of the required headers of a response, so an example is checked for its body. */
    private Map<String, String> requiredHeadersFor(JsonNode response, String mediaType) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", mediaType));
        response.path("headers").fieldNames().forEachRemaining(name -> headers.put(name, switch (name) {
            case "ETag" -> "\"etag\"";
            case "Cache-Control" -> "no-store";
            case "Retry-After" -> "30";
            default -> "x";
        }));
        return headers;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = contract.document().at(node.path("$ref").asText().substring(1));
        }
        return node;
    }
}
