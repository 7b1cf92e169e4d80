package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestTest {

    @Test
    void headersAreCaseInsensitive() {
        Request request = new Request(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("If-None-Match", "\"a\"", "host", "api.example.com")).build());

        assertEquals("\"a\"", request.header("if-none-match"));
        assertEquals("api.example.com", request.header("Host"));
        assertNull(request.header("origin"));
    }

    @Test
    void base64BodiesAreDecodedAndBrokenOnesAre400() {
        byte[] bytes = {(byte) 0xff, 0, 1};
        Request binary = new Request(APIGatewayV2HTTPEvent.builder()
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build());
        Request text = new Request(APIGatewayV2HTTPEvent.builder().withBody("é").build());
        Request broken = new Request(APIGatewayV2HTTPEvent.builder().withBody("%%%").withIsBase64Encoded(true).build());

        assertArrayEquals(bytes, binary.body());
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), text.body());
        assertEquals(400, assertThrows(ProblemException.class, broken::body).problem().status());
    }

    @Test
    void mediaTypesWithoutATypeAreEmptyNotAnError() {
        assertEquals("application/json", Request.mediaType("Application/JSON; charset=utf-8"));
        for (String none : new String[] {";", ";;", " ; ", "", "; charset=utf-8"}) {
            assertEquals("", Request.mediaType(none), "[" + none + "]");
        }
        assertEquals(null, Request.mediaType(null));
    }

    @Test
    void theBaseUrlIsTheApiDomainNeverTheClientsHost() {
        Request local = new Request(HttpEvents.request("GET", "/articles").host("localhost:3000")
                .headers(Map.of("host", "evil.example", "x-forwarded-proto", "http")).build());
        Request deployed = new Request(HttpEvents.request("GET", "/articles").host("api.example.com")
                .headers(Map.of("host", "evil.example", "x-forwarded-proto", "javascript")).build());
        Request bare = new Request(null);

        assertEquals("http://localhost:3000", local.baseUrl());
        assertEquals("https://api.example.com", deployed.baseUrl());
        assertEquals("https://localhost", bare.baseUrl());
        assertEquals("GET", bare.method());
    }
}
