package dev.broadsheet.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.broadsheet.template.ProjectFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * {@code GET /openapi.yaml}: the API's contract, as the repository has it (read at each request,
 * so an edit shows without a restart), for client generators, mock servers and API explorers.
 * Any origin may read it: it is public documentation.
 */
final class OpenApiDocument implements HttpHandler {

    static final String PATH = "/openapi.yaml";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)
                    || !(exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] document = Files.readAllBytes(ProjectFiles.root().resolve("openapi.yaml"));
            exchange.getResponseHeaders().set("Content-Type", "application/yaml; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : document.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(document);
                }
            }
        }
    }
}
