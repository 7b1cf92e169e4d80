package dev.broadsheet.local;

import dev.broadsheet.template.Intrinsics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code CorsConfiguration} of the template's HTTP API, applied as API Gateway applies it:
 * the gateway answers preflights itself (for any path, routed or not), adds the CORS headers to
 * the responses of allowed origins only, and replaces whatever CORS headers a function returns.
 *
 * <p>Origins are {@code *}, {@code http://*}, {@code https://*} or exact; header names match
 * case-insensitively. A preflight whose method or request headers are not all allowed gets no
 * CORS headers, so the browser refuses it just as it would deployed.
 */
record CorsPolicy(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                  List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    static final CorsPolicy NONE = new CorsPolicy(List.of(), List.of(), List.of(), List.of(), null, false);

    CorsPolicy {
        if (allowCredentials && allowOrigins.contains("*")) {
            // API Gateway refuses this configuration on deploy; refuse it here too, not later.
            throw new IllegalArgumentException("CorsConfiguration: AllowCredentials cannot be true when AllowOrigins is *");
        }
    }

    /** From the raw {@code CorsConfiguration}, references resolved through {@code lookup}. */
    static CorsPolicy from(Map<String, Object> configuration, Function<String, String> lookup) {
        if (configuration.isEmpty()) {
            return NONE;
        }
        Object maxAge = configuration.get("MaxAge");
        return new CorsPolicy(
                Intrinsics.resolveList(configuration.get("AllowOrigins"), lookup),
                Intrinsics.resolveList(configuration.get("AllowMethods"), lookup).stream()
                        .map(method -> method.toUpperCase(Locale.ROOT)).toList(),
                lowerCase(Intrinsics.resolveList(configuration.get("AllowHeaders"), lookup)),
                lowerCase(Intrinsics.resolveList(configuration.get("ExposeHeaders"), lookup)),
                maxAge == null ? null : Integer.valueOf(Intrinsics.resolve(maxAge, lookup)),
                Boolean.parseBoolean(Intrinsics.resolve(configuration.get("AllowCredentials"), lookup)));
    }

    /** A preflight is an OPTIONS request with Origin and Access-Control-Request-Method. */
    boolean isPreflight(IncomingRequest request) {
        // Without a CorsConfiguration, API Gateway routes OPTIONS like any other method.
        return this != NONE && request.method().equals("OPTIONS") && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    /** The headers of the gateway's 204 answer to a preflight; empty when the request is not allowed. */
    Map<String, String> preflightHeaders(IncomingRequest request) {
        String origin = request.header("origin");
        String method = request.header("access-control-request-method").trim().toUpperCase(Locale.ROOT);
        String asked = request.header("access-control-request-headers");
        List<String> requestHeaders = asked == null ? List.of()
                : lowerCase(Arrays.stream(asked.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList());
        boolean methodAllowed = allowMethods.contains("*") || allowMethods.contains(method);
        boolean headersAllowed = allowHeaders.contains("*") || allowHeaders.containsAll(requestHeaders);
        Map<String, String> headers = new LinkedHashMap<>();
        if (!isAllowed(origin) || !methodAllowed || !headersAllowed) {
            return headers;
        }
        headers.put("access-control-allow-origin", allowOriginValue(origin));
        // A wildcard answers with what was asked: browsers take * literally on credentialed requests.
        headers.put("access-control-allow-methods", allowMethods.contains("*") ? method : String.join(",", allowMethods));
        if (allowHeaders.contains("*")) {
            if (!requestHeaders.isEmpty()) {
                headers.put("access-control-allow-headers", String.join(",", requestHeaders));
            }
        } else if (!allowHeaders.isEmpty()) {
            headers.put("access-control-allow-headers", String.join(",", allowHeaders));
        }
        if (maxAge != null) {
            headers.put("access-control-max-age", String.valueOf(maxAge));
        }
        if (allowCredentials) {
            headers.put("access-control-allow-credentials", "true");
        }
        return headers;
    }

    /** The headers added to an actual response; empty without an Origin or for one not allowed. */
    Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin == null || !isAllowed(origin)) {
            return headers;
        }
        headers.put("access-control-allow-origin", allowOriginValue(origin));
        if (!exposeHeaders.isEmpty()) {
            headers.put("access-control-expose-headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            headers.put("access-control-allow-credentials", "true");
        }
        return headers;
    }

    boolean isAllowed(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return allowOrigins.stream().map(allowed -> allowed.toLowerCase(Locale.ROOT)).anyMatch(allowed ->
                allowed.equals("*") || allowed.equals(lower)
                        || (allowed.endsWith("://*") && lower.startsWith(allowed.substring(0, allowed.length() - 1))));
    }

    private String allowOriginValue(String origin) {
        return allowOrigins.contains("*") ? "*" : origin;
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
