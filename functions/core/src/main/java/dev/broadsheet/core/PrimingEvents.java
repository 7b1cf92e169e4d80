package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/**
 * Payload 2.0 events for SnapStart priming ({@link HttpHandler#prime()}): shaped like API Gateway's,
 * addressed to a placeholder host, so that priming runs the same parsing as a real request.
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

    private static String rawQuery(Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&").append(name).append('=').append(value));
        return raw.toString();
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> pathParameters,
                                               Map<String, String> query, String contentType, String body) {
        Map<String, String> headers = contentType == null
                ? Map.of("host", HOST, "x-forwarded-proto", "https", "accept", "application/json")
                : Map.of("host", HOST, "x-forwarded-proto", "https", "accept", "application/json", "content-type", contentType);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString(rawQuery(query))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName(HOST)
                        .withStage("$default")
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("192.0.2.1").withUserAgent("snapstart-priming").build())
                        .build())
                .build();
    }
}
