package dev.broadsheet.local;

import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code .broadsheet/env.json}: this local API's emulators for {@code sam local invoke|start-api
 * --env-vars} (samconfig.toml names it). The SAM CLI passes a function only the variables its
 * template declares, so the endpoints cannot be {@code AWS_ENDPOINT_URL_*} variables (and a
 * declared-but-empty one makes the SDK refuse to build a client); they go into the declared
 * {@code JAVA_TOOL_OPTIONS} as the SDK's system properties {@code aws.endpointUrlDynamoDb} and
 * {@code aws.endpointUrlS3}. Table and bucket names are the emulators'.
 */
final class SamEnvFile {

    static final String NAME = "env.json";

    private SamEnvFile() {
    }

    /** Function logical id → the variables to override, as {@code --env-vars} reads them. */
    static Map<String, Map<String, String>> of(SamTemplate template, References references, LocalAws aws) {
        Map<String, Map<String, String>> functions = new LinkedHashMap<>();
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.document().get("Globals")).get("Function"));
        for (FunctionDefinition function : template.functions()) {
            Map<String, String> variables = new TreeMap<>(Functions.environment(function, globals, references, Map.of()));
            // Only what the template declares: the SAM CLI ignores the rest.
            variables.keySet().retainAll(function.environment().keySet());
            String jvm = variables.getOrDefault("JAVA_TOOL_OPTIONS", "");
            variables.put("JAVA_TOOL_OPTIONS", (jvm + " -Daws.endpointUrlDynamoDb=" + aws.dynamoDbEndpoint()
                    + " -Daws.endpointUrlS3=" + aws.s3Endpoint()).strip());
            functions.put(function.logicalId(), variables);
        }
        return functions;
    }

    static void write(Path file, Map<String, Map<String, String>> functions) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
            Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(functions));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
