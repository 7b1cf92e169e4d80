package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.broadsheet.local.Router.RouteMatch;

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
 * Builds the payload-2.0 event API Gateway HTTP APIs send to a Lambda integration, field for
 * field, so a handler sees locally what it will see deployed.
 */
final class EventFactory {

    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EventFactory() {
    }

    /** @throws IllegalArgumentException when the query string is not valid percent-encoding */
    static APIGatewayV2HTTPEvent build(IncomingRequest request, RouteMatch match, String requestId, Instant now) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(match.routeKey());
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery() == null ? "" : request.rawQuery());
        event.setHeaders(headers(request));
        List<String> cookies = cookies(request);
        event.setCookies(cookies.isEmpty() ? null : cookies);
        Map<String, String> query = queryParameters(request.rawQuery());
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        setBody(event, request);
        event.setRequestContext(requestContext(request, match, requestId, now));
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

    /** Text bodies as they are; anything else base64-encoded, as API Gateway does. */
    private static void setBody(APIGatewayV2HTTPEvent event, IncomingRequest request) {
        if (request.body().length == 0) {
            return;
        }
        if (isText(request.header("content-type"))) {
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
        } else {
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
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

    private static RequestContext requestContext(IncomingRequest request, RouteMatch match, String requestId, Instant now) {
        // API Gateway sets the API's own domain whatever Host the client sent: so does the local API.
        String domainName = domainName(request);

        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(request.header("user-agent"));

        RequestContext context = new RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName(domainName);
        context.setDomainPrefix(domainName.split("[.:]", 2)[0]);
        context.setHttp(http);
        context.setRequestId(requestId);
        context.setRouteKey(match.routeKey());
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        return context;
    }
}
