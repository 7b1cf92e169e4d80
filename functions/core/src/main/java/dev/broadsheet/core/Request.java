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
     * The public base URL of this API ({@code https://host}), from API Gateway's forwarding
     * headers, so links in responses point back at whichever domain the client called.
     */
    public String baseUrl() {
        String proto = header("x-forwarded-proto");
        String host = header("host");
        if (host == null && event.getRequestContext() != null) {
            host = event.getRequestContext().getDomainName();
        }
        return (proto == null ? "https" : proto) + "://" + (host == null ? "localhost" : host);
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    private static String valueOf(Map<String, String> map, String name) {
        return map == null ? null : map.get(name);
    }
}
