package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/** Builds payload-2.0 events for handler tests. */
final class Events {

    private Events() {
    }

    static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters, Map<String, String> query,
                                     Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(Map.of("host", "api.example.com", "x-forwarded-proto", "https"));
        allHeaders.putAll(headers);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withHeaders(allHeaders)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName("api.example.com")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath(path).withSourceIp("203.0.113.7").build())
                        .build())
                .build();
    }
}
