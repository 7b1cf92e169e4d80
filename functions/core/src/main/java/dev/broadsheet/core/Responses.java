package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the responses handlers return: JSON with caching headers, 304s and problem details. Bodies
 * are {@link JsonWritable}: they write themselves, so a function's jar needs no Jackson databind.
 */
public final class Responses {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    public static final String NO_STORE = "no-store";

    private Responses() {
    }

    /**
     * A cacheable JSON response: an ETag from the body, and a 304 without body when the client
     * already holds that version.
     */
    public static APIGatewayV2HTTPResponse cacheableJson(Request request, JsonWritable body, String cacheControl) {
        return cacheable(request, JsonWriter.write(body), JSON, cacheControl);
    }

    /** A cacheable response of any text type (feeds, sitemaps): as {@link #cacheableJson}, ETag and 304 included. */
    public static APIGatewayV2HTTPResponse cacheable(Request request, String body, String contentType, String cacheControl) {
        String etag = ETags.of(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        headers.put("Cache-Control", cacheControl);
        if (ETags.matches(request.header("if-none-match"), etag)) {
            return response(304, headers, null);
        }
        headers.put("Content-Type", contentType);
        return response(200, headers, body);
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonWritable body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("Cache-Control", NO_STORE);
        headers.putAll(extraHeaders);
        return response(status, headers, JsonWriter.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", PROBLEM_JSON);
        // A 404 may be cached briefly by a CDN; anything else is about this one request.
        headers.put("Cache-Control", problem.status() == 404 ? "public, max-age=30" : NO_STORE);
        headers.putAll(extraHeaders);
        return response(problem.status(), headers, JsonWriter.write(problem));
    }

    public static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
