package dev.broadsheet.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A payload 2.0 event object from the parsed sample event, field by field as the runtime's deserializer fills it. */
public final class Events {

    private Events() {
    }

    public static APIGatewayV2HTTPEvent fromJson(Map<String, Object> json) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(json.get("version")));
        event.setRouteKey(text(json.get("routeKey")));
        event.setRawPath(text(json.get("rawPath")));
        event.setRawQueryString(text(json.get("rawQueryString")));
        event.setCookies(texts(json.get("cookies")));
        event.setHeaders(textMap(json.get("headers")));
        event.setQueryStringParameters(textMap(json.get("queryStringParameters")));
        event.setPathParameters(textMap(json.get("pathParameters")));
        event.setStageVariables(textMap(json.get("stageVariables")));
        event.setBody(text(json.get("body")));
        event.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
        if (json.get("requestContext") instanceof Map<?, ?> context) {
            APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
            requestContext.setRouteKey(text(context.get("routeKey")));
            requestContext.setAccountId(text(context.get("accountId")));
            requestContext.setStage(text(context.get("stage")));
            requestContext.setApiId(text(context.get("apiId")));
            requestContext.setDomainName(text(context.get("domainName")));
            requestContext.setDomainPrefix(text(context.get("domainPrefix")));
            requestContext.setTime(text(context.get("time")));
            requestContext.setRequestId(text(context.get("requestId")));
            if (context.get("timeEpoch") instanceof Number epoch) {
                requestContext.setTimeEpoch(epoch.longValue());
            }
            if (context.get("http") instanceof Map<?, ?> http) {
                APIGatewayV2HTTPEvent.RequestContext.Http description = new APIGatewayV2HTTPEvent.RequestContext.Http();
                description.setMethod(text(http.get("method")));
                description.setPath(text(http.get("path")));
                description.setProtocol(text(http.get("protocol")));
                description.setSourceIp(text(http.get("sourceIp")));
                description.setUserAgent(text(http.get("userAgent")));
                requestContext.setHttp(description);
            }
            event.setRequestContext(requestContext);
        }
        return event;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> texts(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(text(item)));
        return texts;
    }

    private static Map<String, String> textMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, item) -> texts.put(String.valueOf(key), text(item)));
        return texts;
    }
}
