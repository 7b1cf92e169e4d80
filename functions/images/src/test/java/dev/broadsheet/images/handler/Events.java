package dev.broadsheet.images.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.broadsheet.core.HttpEvents;

import java.util.Map;

/** Builds payload-2.0 events for handler tests. */
final class Events {

    private Events() {
    }

    /** {@code GET /images/{key+}} as API Gateway builds it: the raw path as sent, the parameter decoded. */
    static APIGatewayV2HTTPEvent image(String rawKey, String decodedKey, Map<String, String> query) {
        return get("/images/" + rawKey, decodedKey == null ? null : Map.of("key", decodedKey), query);
    }

    static APIGatewayV2HTTPEvent articleImages(String slug) {
        return get("/articles/" + slug + "/images", Map.of("slug", slug), null);
    }

    static APIGatewayV2HTTPEvent get(String path, Map<String, String> pathParameters, Map<String, String> query) {
        return HttpEvents.request("GET", path).host("api.example.com").sourceIp("203.0.113.7")
                .pathParameters(pathParameters).query(query).build();
    }
}
