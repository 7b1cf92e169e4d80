package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.broadsheet.local.Router.RouteMatch;
import dev.broadsheet.template.SamTemplate.Route;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFactoryTest {

    private static final RouteMatch MATCH = new RouteMatch(new Route("POST", "/articles/{slug}/comments", "Comments"),
            Map.of("slug", "a-slug"));
    private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.123Z");

    @Test
    void buildsThePayloadFormat2Envelope() {
        APIGatewayV2HTTPEvent event = build(request("/articles/a-slug/comments", "limit=5",
                Map.of("Host", List.of("localhost:3000"), "User-Agent", List.of("curl/8.0")), new byte[0]));

        assertEquals("2.0", event.getVersion());
        assertEquals("POST /articles/{slug}/comments", event.getRouteKey());
        assertEquals("/articles/a-slug/comments", event.getRawPath());
        assertEquals("limit=5", event.getRawQueryString());
        assertEquals(Map.of("slug", "a-slug"), event.getPathParameters());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());

        var context = event.getRequestContext();
        assertEquals("local", context.getApiId());
        assertEquals("localhost:3000", context.getDomainName());
        assertEquals("localhost", context.getDomainPrefix());
        assertEquals("$default", context.getStage());
        assertEquals("POST /articles/{slug}/comments", context.getRouteKey());
        assertEquals("req-1", context.getRequestId());
        assertEquals("12/Mar/2020:19:03:58 +0000", context.getTime());
        assertEquals(NOW.toEpochMilli(), context.getTimeEpoch());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/articles/a-slug/comments", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("curl/8.0", context.getHttp().getUserAgent());
    }

    @Test
    void theDomainNameIsTheLocalApisOwnAddressWhateverHostTheClientSends() {
        for (String host : List.of("evil.example", "localhost:3000", "127.0.0.1:3000")) {
            var context = build(request("/articles", null, Map.of("Host", List.of(host)), new byte[0])).getRequestContext();
            assertEquals("localhost:3000", context.getDomainName(), host);
        }
        assertEquals("localhost:3000", build(request("/articles", null, Map.of(), new byte[0])).getRequestContext().getDomainName());
    }

    @Test
    void lowerCasesHeadersJoinsRepeatedOnesAndAddsForwardingHeaders() {
        Map<String, String> headers = build(request("/x", null, Map.of(
                "Accept", List.of("text/html", "application/json"),
                "X-Forwarded-For", List.of("203.0.113.7"),
                "If-None-Match", List.of("\"abc\"")), new byte[0])).getHeaders();

        assertEquals("text/html,application/json", headers.get("accept"));
        assertEquals("\"abc\"", headers.get("if-none-match"));
        assertEquals("203.0.113.7, 127.0.0.1", headers.get("x-forwarded-for"));
        assertEquals("3000", headers.get("x-forwarded-port"));
        assertEquals("http", headers.get("x-forwarded-proto"));
        assertTrue(headers.keySet().stream().allMatch(name -> name.equals(name.toLowerCase())));
    }

    @Test
    void cookiesMoveFromTheHeaderToTheirOwnField() {
        APIGatewayV2HTTPEvent event = build(request("/x", null,
                Map.of("Cookie", List.of("a=1; b=2", "c=3")), new byte[0]));

        assertEquals(List.of("a=1", "b=2", "c=3"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
    }

    @Test
    void decodesQueryParametersAndJoinsRepeatedOnes() {
        APIGatewayV2HTTPEvent event = build(request("/x", "tag=a&tag=b%20c&q=x+y&flag&&caf%C3%A9=1", Map.of(), new byte[0]));

        assertEquals(Map.of("tag", "a,b c", "q", "x y", "flag", "", "caf\u00e9", "1"), event.getQueryStringParameters());
        assertEquals("tag=a&tag=b%20c&q=x+y&flag&&caf%C3%A9=1", event.getRawQueryString());
    }

    @Test
    void withoutQueryOrParametersTheMapsAreAbsent() {
        APIGatewayV2HTTPEvent event = read(EventFactory.json(request("/nope", null, Map.of(), new byte[0]),
                new RouteMatch(new Route("GET", "/nope", "F"), Map.of()), "r", NOW));

        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getCookies());
    }

    @Test
    void malformedQueryEncodingIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> build(request("/x", "q=%zz", Map.of(), new byte[0])));
    }

    @Test
    void textBodiesStayTextAndOthersAreBase64Encoded() {
        byte[] form = "name=Ann&comment=caf%C3%A9".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent formEvent = build(request("/x", null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), form));
        assertEquals("name=Ann&comment=caf%C3%A9", formEvent.getBody());
        assertFalse(formEvent.getIsBase64Encoded());

        byte[] json = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent jsonEvent = build(request("/x", null,
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), json));
        assertEquals("{\"text\":\"caf\u00e9\"}", jsonEvent.getBody());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        APIGatewayV2HTTPEvent binary = build(request("/x", null, Map.of("Content-Type", List.of("image/png")), png));
        assertTrue(binary.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(png), binary.getBody());
    }

    @Test
    void recognisesTextualContentTypes() {
        for (String type : List.of("text/plain", "TEXT/HTML; charset=utf-8", "application/json", "application/problem+json",
                "application/x-www-form-urlencoded", "application/xml")) {
            assertTrue(EventFactory.isText(type), type);
        }
        for (String type : List.of("image/png", "application/octet-stream", "multipart/form-data; boundary=x")) {
            assertFalse(EventFactory.isText(type), type);
        }
        assertFalse(EventFactory.isText(null));
    }

    @Test
    void invalidUtf8InATextBodyReachesTheFunctionByteForByteNotRepaired() {
        byte[] invalid = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        APIGatewayV2HTTPEvent event = build(request("/x", null, Map.of("Content-Type", List.of("application/json")), invalid));

        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(invalid, Base64.getDecoder().decode(event.getBody()));
    }

    @Test
    void absentFieldsAreLeftOutOfTheJsonAsApiGatewayLeavesThem() throws Exception {
        String json = new String(EventFactory.json(request("/x", null, Map.of(), new byte[0]), MATCH, "req-1", NOW),
                StandardCharsets.UTF_8);

        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("\"cookies\""), json);
        assertTrue(json.contains("\"isBase64Encoded\":false"), json);
    }

    /** Built as JSON and read back by the serializer of Lambda's runtime client, as a function reads it. */
    private static APIGatewayV2HTTPEvent build(IncomingRequest request) {
        return read(EventFactory.json(request, MATCH, "req-1", NOW));
    }

    private static APIGatewayV2HTTPEvent read(byte[] json) {
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, EventFactoryTest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
    }

    private static IncomingRequest request(String path, String query, Map<String, List<String>> headers, byte[] body) {
        return new IncomingRequest("POST", path, query, headers, body, "127.0.0.1", 3000, "HTTP/1.1");
    }
}
