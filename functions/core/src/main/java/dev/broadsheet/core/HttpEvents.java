package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds payload 2.0 events shaped like API Gateway's: for SnapStart priming ({@link PrimingEvents})
 * and for handler tests, so that both run the same parsing as a real request.
 */
public final class HttpEvents {

    private HttpEvents() {
    }

    /** A request to {@code path} (the raw path, as sent), forwarded over https. */
    public static Builder request(String method, String path) {
        return new Builder(method, path);
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Map<String, String> pathParameters;
        private Map<String, String> query;
        private String domainName;
        private String body;
        private String sourceIp;
        private String userAgent;
        private String requestId;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("x-forwarded-proto", "https");
        }

        /** The API's domain: the {@code host} header and {@code requestContext.domainName}. */
        public Builder host(String host) {
            headers.put("host", host);
            domainName = host;
            return this;
        }

        public Builder pathParameters(Map<String, String> parameters) {
            pathParameters = parameters == null || parameters.isEmpty() ? null : parameters;
            return this;
        }

        public Builder query(Map<String, String> parameters) {
            query = parameters == null || parameters.isEmpty() ? null : parameters;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** More headers, over the ones already set. */
        public Builder headers(Map<String, String> more) {
            if (more != null) {
                headers.putAll(more);
            }
            return this;
        }

        /** A text body and its content type (none when null). */
        public Builder body(String contentType, String text) {
            if (contentType != null) {
                headers.put("content-type", contentType);
            }
            body = text;
            return this;
        }

        public Builder sourceIp(String ip) {
            sourceIp = ip;
            return this;
        }

        public Builder userAgent(String agent) {
            userAgent = agent;
            return this;
        }

        public Builder requestId(String id) {
            requestId = id;
            return this;
        }

        public APIGatewayV2HTTPEvent build() {
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(method + " " + path)
                    .withRawPath(path)
                    .withRawQueryString(rawQuery())
                    .withQueryStringParameters(query)
                    .withPathParameters(pathParameters)
                    .withHeaders(new LinkedHashMap<>(headers))
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withDomainName(domainName)
                            .withStage("$default")
                            .withRequestId(requestId)
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                    .withSourceIp(sourceIp).withUserAgent(userAgent).build())
                            .build())
                    .build();
        }

        private String rawQuery() {
            if (query == null) {
                return "";
            }
            StringBuilder raw = new StringBuilder();
            query.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&").append(name).append('=').append(value));
            return raw.toString();
        }
    }
}
