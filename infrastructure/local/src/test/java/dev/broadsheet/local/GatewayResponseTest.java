package dev.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GatewayResponseTest {

    @Test
    void mergesHeadersCookiesAndDecodesBase64Bodies() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        GatewayResponse response = GatewayResponse.fromFunction(APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "image/png", "Link", "<a>"))
                .withMultiValueHeaders(Map.of("link", List.of("<b>")))
                .withCookies(List.of("a=1; HttpOnly", "b=2"))
                .withBody(Base64.getEncoder().encodeToString(png))
                .withIsBase64Encoded(true)
                .build());

        assertEquals(200, response.status());
        assertEquals("image/png", response.header("content-type"));
        assertEquals(List.of("<a>", "<b>"), response.headers().get("Link"));
        assertEquals(List.of("a=1; HttpOnly", "b=2"), response.headers().get("Set-Cookie"));
        assertArrayEquals(png, response.body());
    }

    @Test
    void replacesTheFunctionsCorsHeadersWithTheGateways() {
        GatewayResponse fromFunction = GatewayResponse.fromFunction(APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Access-Control-Allow-Origin", "*", "Vary", "Accept-Encoding"))
                .withBody("{}")
                .build());

        GatewayResponse allowed = fromFunction.withCors(Map.of("access-control-allow-origin", "http://localhost:8080"));
        assertEquals("http://localhost:8080", allowed.header("access-control-allow-origin"));
        assertEquals("Accept-Encoding", allowed.header("vary"), "Vary is the function's: the gateway adds none");
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), allowed.body());

        GatewayResponse refused = fromFunction.withCors(Map.of());
        assertNull(refused.header("access-control-allow-origin"));
        assertEquals("Accept-Encoding", refused.header("vary"));
    }
}
