package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.Responses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The HTTP response the gateway sends: a function's response decoded, or one of the gateway's own. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    GatewayResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    static GatewayResponse empty(int status) {
        return new GatewayResponse(status, Map.of(), new byte[0]);
    }

    static GatewayResponse problem(Problem problem) {
        return fromFunction(Responses.problem(problem));
    }

    /**
     * API Gateway's own answer when the function failed: an unhandled error, a timeout, an init
     * failure, a crashed runtime or an invalid response ("Troubleshooting issues with HTTP API Lambda
     * integrations", API Gateway Developer Guide): no detail reaches the client.
     */
    static GatewayResponse internalServerError() {
        return new GatewayResponse(500, Map.of("content-type", List.of("application/json")),
                "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A function's response payload as API Gateway reads payload format 2.0: an object with a
     * {@code statusCode} is a response (headers, multi-value headers, cookies, a body, base64 or
     * not); any other valid JSON is a {@code 200} whose body is that JSON.
     *
     * @throws InvalidResponseException when the payload is not valid JSON or its fields have the wrong types
     */
    static GatewayResponse fromPayload(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            throw new InvalidResponseException("the payload is not valid JSON");
        }
        if (response == null || response.isMissingNode()) {
            throw new InvalidResponseException("the payload is empty");
        }
        if (!response.isObject() || !response.has("statusCode")) {
            return new GatewayResponse(200, Map.of("content-type", List.of("application/json")), payload);
        }
        JsonNode status = response.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new InvalidResponseException("statusCode is not an HTTP status: " + status);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.path("headers").fields().forEachRemaining(header ->
                headers.computeIfAbsent(header.getKey(), n -> new ArrayList<>()).add(text(header.getValue(), "headers")));
        response.path("multiValueHeaders").fields().forEachRemaining(header -> header.getValue().forEach(value ->
                headers.computeIfAbsent(header.getKey(), n -> new ArrayList<>()).add(text(value, "multiValueHeaders"))));
        response.path("cookies").forEach(cookie ->
                headers.computeIfAbsent("set-cookie", n -> new ArrayList<>()).add(text(cookie, "cookies")));
        JsonNode body = response.path("body");
        byte[] bytes;
        if (body.isMissingNode() || body.isNull()) {
            bytes = new byte[0];
        } else if (response.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(text(body, "body"));
            } catch (IllegalArgumentException e) {
                throw new InvalidResponseException("isBase64Encoded is true but the body is not base64");
            }
        } else {
            bytes = text(body, "body").getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(status.asInt(), headers, bytes);
    }

    private static String text(JsonNode value, String field) {
        if (!value.isValueNode()) {
            throw new InvalidResponseException(field + " holds " + value.getNodeType() + " where a string belongs");
        }
        return value.asText();
    }

    /** A payload API Gateway cannot turn into an HTTP response (it answers 500). */
    static final class InvalidResponseException extends RuntimeException {
        InvalidResponseException(String message) {
            super(message);
        }
    }

    /** One of the gateway's own responses, built with the functions' problem writer. */
    private static GatewayResponse fromFunction(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.computeIfAbsent("set-cookie", n -> new ArrayList<>()).addAll(response.getCookies());
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(response.getStatusCode(), headers, bytes);
    }

    /** With the CORS headers of the gateway in place of any the function set. */
    GatewayResponse withCors(Map<String, String> corsHeaders) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                merged.put(name, values);
            }
        });
        corsHeaders.forEach((name, value) -> merged.put(name, List.of(value)));
        if (corsHeaders.containsKey("access-control-allow-origin") && !corsHeaders.get("access-control-allow-origin").equals("*")) {
            // The answer depends on the Origin: caches must keep one copy per origin.
            List<String> vary = new ArrayList<>(merged.getOrDefault("vary", List.of()));
            vary.add("Origin");
            merged.put("vary", vary);
        }
        return new GatewayResponse(status, merged, body);
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }
}
