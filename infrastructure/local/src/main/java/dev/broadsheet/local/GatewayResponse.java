package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.Responses;

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
     * A function's payload-2.0 response: single and multi-value headers merged, each cookie a
     * {@code Set-Cookie}, the body decoded from base64 when the function encoded it.
     */
    static GatewayResponse fromFunction(APIGatewayV2HTTPResponse response) {
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

    /**
     * With the CORS headers of the gateway in place of any the function set. Nothing else is added:
     * API Gateway's CORS replaces {@code Access-Control-*} headers only, so {@code Vary: Origin},
     * which every response of a CORS-enabled route needs, is the functions' to send (they do,
     * {@code Responses.response}), with or without an {@code Origin} in the request.
     */
    GatewayResponse withCors(Map<String, String> corsHeaders) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                merged.put(name, values);
            }
        });
        corsHeaders.forEach((name, value) -> merged.put(name, List.of(value)));
        return new GatewayResponse(status, merged, body);
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }
}
