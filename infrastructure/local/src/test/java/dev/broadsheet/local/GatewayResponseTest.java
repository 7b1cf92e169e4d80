package dev.broadsheet.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Payload format 2.0 responses read as API Gateway reads them. */
class GatewayResponseTest {

    private static GatewayResponse read(String payload) {
        return GatewayResponse.fromPayload(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mergesHeadersCookiesAndDecodesBase64Bodies() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        GatewayResponse response = read("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\",\"Link\":\"<a>\"},"
                + "\"multiValueHeaders\":{\"link\":[\"<b>\"]},\"cookies\":[\"a=1; HttpOnly\",\"b=2\"],"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(png) + "\",\"isBase64Encoded\":true}");

        assertEquals(200, response.status());
        assertEquals("image/png", response.header("content-type"));
        assertEquals(List.of("<a>", "<b>"), response.headers().get("Link"));
        assertEquals(List.of("a=1; HttpOnly", "b=2"), response.headers().get("Set-Cookie"));
        assertArrayEquals(png, response.body());
    }

    @Test
    void validJsonWithoutAStatusCodeIsA200WithThatJsonAsItsBody() {
        GatewayResponse response = read("{\"hello\":\"world\"}");

        assertEquals(200, response.status());
        assertEquals("application/json", response.header("content-type"));
        assertEquals("{\"hello\":\"world\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(200, read("\"just a string\"").status());
    }

    @Test
    void aPayloadApiGatewayCannotUseIsRefused() {
        for (String payload : List.of("not json", "", "{\"statusCode\":\"abc\"}", "{\"statusCode\":99}",
                "{\"statusCode\":200,\"body\":{\"nested\":true}}", "{\"statusCode\":200,\"headers\":{\"a\":[1]}}",
                "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"%%%\"}")) {
            assertThrows(GatewayResponse.InvalidResponseException.class, () -> read(payload), payload);
        }
    }

    @Test
    void replacesTheFunctionsCorsHeadersWithTheGateways() {
        GatewayResponse fromFunction = read("{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\","
                + "\"Vary\":\"Accept-Encoding\"},\"body\":\"{}\"}");

        GatewayResponse allowed = fromFunction.withCors(java.util.Map.of("access-control-allow-origin", "http://localhost:8080"));
        assertEquals("http://localhost:8080", allowed.header("access-control-allow-origin"));
        assertEquals("Accept-Encoding,Origin", allowed.header("vary"));
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), allowed.body());

        GatewayResponse refused = fromFunction.withCors(java.util.Map.of());
        assertNull(refused.header("access-control-allow-origin"));
        assertEquals("Accept-Encoding", refused.header("vary"));
    }
}
