package dev.broadsheet.local;

import dev.broadsheet.template.ProjectFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /openapi.yaml}: the API's contract, as the repository has it (read at each request,
 * so an edit shows without a restart), for client generators, mock servers and API explorers.
 * Any origin may read it: it is public documentation. Every other request goes to the gateway.
 */
final class OpenApiDocument {

    static final String PATH = "/openapi.yaml";

    private OpenApiDocument() {
    }

    /** The gateway, with this one path answered first. */
    static Function<IncomingRequest, GatewayResponse> before(Function<IncomingRequest, GatewayResponse> gateway) {
        return request -> request.rawPath().equals(PATH) && (request.method().equals("GET") || request.method().equals("HEAD"))
                ? answer() : gateway.apply(request);
    }

    private static GatewayResponse answer() {
        try {
            byte[] document = Files.readAllBytes(ProjectFiles.root().resolve("openapi.yaml"));
            return new GatewayResponse(200, Map.of("Content-Type", List.of("application/yaml; charset=utf-8"),
                    "Cache-Control", List.of("no-cache"), "Access-Control-Allow-Origin", List.of("*")), document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi.yaml: " + e.getMessage(), e);
        }
    }
}
