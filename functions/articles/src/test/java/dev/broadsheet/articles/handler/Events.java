package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.broadsheet.core.HttpEvents;

import java.util.Map;

/** Builds payload-2.0 events for handler tests. */
final class Events {

    private Events() {
    }

    static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters, Map<String, String> query,
                                     Map<String, String> headers) {
        return HttpEvents.request("GET", path).host("api.example.com").sourceIp("203.0.113.7")
                .pathParameters(pathParameters).query(query).headers(headers).build();
    }
}
