package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/**
 * Payload 2.0 events for SnapStart priming ({@link HttpHandler#prime()}), addressed to a placeholder
 * host, so that priming runs the same parsing as a real request.
 */
public final class PrimingEvents {

    /** A slug no article has: priming reads it, finds nothing, and so never depends on the data. */
    public static final String MISSING_SLUG = "snapstart-priming-no-such-article";
    private static final String HOST = "priming.invalid";

    private PrimingEvents() {
    }

    public static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters) {
        return event("GET", path, pathParameters, Map.of(), null, null);
    }

    public static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters, Map<String, String> query) {
        return event("GET", path, pathParameters, query, null, null);
    }

    public static APIGatewayV2HTTPEvent post(String path, Map<String, String> pathParameters, String contentType,
                                             String body) {
        return event("POST", path, pathParameters, Map.of(), contentType, body);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> pathParameters,
                                               Map<String, String> query, String contentType, String body) {
        return HttpEvents.request(method, path)
                .host(HOST)
                .header("accept", "application/json")
                .pathParameters(pathParameters)
                .query(query)
                .body(contentType, body)
                .sourceIp("192.0.2.1")
                .userAgent("snapstart-priming")
                .requestId("snapstart-priming")
                .build();
    }
}
