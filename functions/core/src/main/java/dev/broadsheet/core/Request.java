package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Read access to an API Gateway HTTP API (payload 2.0) event, null-safe everywhere. */
public final class Request {

    private final APIGatewayV2HTTPEvent event;

    public Request(APIGatewayV2HTTPEvent event) {
        this.event = event == null ? new APIGatewayV2HTTPEvent() : event;
    }

    public String method() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? "GET" : context.getHttp().getMethod();
    }

    public String pathParameter(String name) {
        return valueOf(event.getPathParameters(), name);
    }

    /** A query parameter; API Gateway joins repeated parameters with commas. */
    public String queryParameter(String name) {
        return valueOf(event.getQueryStringParameters(), name);
    }

    /** A header, looked up case-insensitively (API Gateway lower-cases them, clients may not). */
    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    /** The body as bytes, decoded from base64 when API Gateway encoded it. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("body", "encoding", "The body is not valid base64.");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The public base URL of this API ({@code https://domain}), from {@code requestContext.domainName}:
     * the domain API Gateway answered on, whatever {@code Host} the client sent. Links built from a
     * client's {@code Host} would end up in responses CDNs cache for everyone. The scheme is https
     * unless the gateway says http (only the local API does).
     */
    public String baseUrl() {
        var context = event.getRequestContext();
        String domain = context == null ? null : context.getDomainName();
        String scheme = "http".equals(header("x-forwarded-proto")) ? "http" : "https";
        return scheme + "://" + (domain == null || domain.isBlank() ? "localhost" : domain);
    }

    /**
     * The media type of a {@code Content-Type} (or one {@code Accept} range): lower-case, without
     * parameters; empty for a value with no type at all ({@code ";"}, {@code " ; "}); null for null.
     */
    public static String mediaType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    private static String valueOf(Map<String, String> map, String name) {
        return map == null ? null : map.get(name);
    }
}
