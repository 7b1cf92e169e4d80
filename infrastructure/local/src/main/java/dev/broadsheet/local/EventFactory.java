package dev.broadsheet.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.local.Router.RouteMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload-2.0 event API Gateway HTTP APIs send to a Lambda integration, field for field
 * as the "Working with AWS Lambda proxy integrations for HTTP APIs" page documents it, as the JSON
 * the function's runtime client receives.
 */
final class EventFactory {

    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EventFactory() {
    }

    /** The event as JSON bytes. @throws IllegalArgumentException when the query string is not valid percent-encoding */
    static byte[] json(IncomingRequest request, RouteMatch match, String requestId, Instant now) {
        try {
            return JSON.writeValueAsBytes(build(request, match, requestId, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an event of plain strings and maps", e);
        }
    }

    /** The event as a JSON tree, absent fields left out as API Gateway leaves them out. */
    static Map<String, Object> build(IncomingRequest request, RouteMatch match, String requestId, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers(request));
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        event.put("requestContext", requestContext(request, match, requestId, now));
        if (!match.pathParameters().isEmpty()) {
            event.put("pathParameters", match.pathParameters());
        }
        putBody(event, request);
        return event;
    }

    /**
     * Lower-cased names, repeated headers joined with commas; cookies travel in {@code cookies}
     * instead; the forwarding headers API Gateway adds.
     */
    static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", String.valueOf(request.serverPort()));
        headers.put("x-forwarded-proto", "http");
        return headers;
    }

    static List<String> cookies(IncomingRequest request) {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            Arrays.stream(header.split(";")).map(String::trim).filter(cookie -> !cookie.isEmpty()).forEach(cookies::add);
        }
        return cookies;
    }

    /** Decoded names and values; a repeated name's values joined with commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoding.query(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentDecoding.query(pair.substring(equals + 1));
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    /**
     * A body of a textual content type that is valid UTF-8 as it is; anything else base64-encoded with
     * {@code isBase64Encoded} set, as API Gateway passes binary bodies (multipart form posts, images).
     * Bytes are never repaired: invalid UTF-8 reaches the function base64-encoded, byte for byte.
     */
    private static void putBody(Map<String, Object> event, IncomingRequest request) {
        if (request.body().length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        String text = isText(request.header("content-type")) ? strictUtf8(request.body()) : null;
        event.put("body", text != null ? text : Base64.getEncoder().encodeToString(request.body()));
        event.put("isBase64Encoded", text == null);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json"))
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/xml");
    }

    /** The local API's own address (it listens on loopback), never the client's Host header. */
    static String domainName(IncomingRequest request) {
        return "localhost:" + request.serverPort();
    }

    private static Map<String, Object> requestContext(IncomingRequest request, RouteMatch match, String requestId,
                                                      Instant now) {
        // API Gateway sets the API's own domain whatever Host the client sent: so does the local API.
        String domainName = domainName(request);

        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", domainName);
        context.put("domainPrefix", domainName.split("[.:]", 2)[0]);
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", match.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return context;
    }
}
