package dev.broadsheet.local;

import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsPolicyTest {

    /** The project's own configuration, its AllowedOrigins reference resolved to the parameter default. */
    private final CorsPolicy template = CorsPolicy.from(SamTemplate.ofProject().corsConfiguration(),
            SamTemplate.ofProject().parameterDefaults()::get);

    @Test
    void readsTheTemplateConfiguration() {
        assertEquals(List.of("http://localhost:8080"), template.allowOrigins());
        assertTrue(template.allowMethods().containsAll(List.of("GET", "POST")));
        assertTrue(template.allowHeaders().contains("content-type"));
        assertEquals(600, template.maxAge());
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() {
        IncomingRequest preflight = preflight("http://localhost:8080", "POST", "Content-Type");
        assertTrue(template.isPreflight(preflight));

        Map<String, String> headers = template.preflightHeaders(preflight);
        assertEquals("http://localhost:8080", headers.get("access-control-allow-origin"));
        assertEquals(String.join(",", template.allowMethods()), headers.get("access-control-allow-methods"));
        assertEquals(String.join(",", template.allowHeaders()), headers.get("access-control-allow-headers"));
        assertEquals("600", headers.get("access-control-max-age"));
    }

    @Test
    void refusesPreflightsItDoesNotAllow() {
        assertEquals(Map.of(), template.preflightHeaders(preflight("https://evil.example", "GET", null)));
        assertEquals(Map.of(), template.preflightHeaders(preflight("http://localhost:8080", "DELETE", null)));
        assertEquals(Map.of(), template.preflightHeaders(preflight("http://localhost:8080", "POST", "content-type, authorization")));
    }

    @Test
    void onlyOptionsWithOriginAndRequestMethodIsAPreflight() {
        assertFalse(template.isPreflight(request("OPTIONS", Map.of("Origin", List.of("http://localhost:8080")))));
        assertFalse(template.isPreflight(request("GET", Map.of("Origin", List.of("http://localhost:8080"),
                "Access-Control-Request-Method", List.of("GET")))));
        assertFalse(CorsPolicy.NONE.isPreflight(preflight("http://localhost:8080", "GET", null)));
    }

    @Test
    void addsResponseHeadersForAllowedOriginsOnly() {
        Map<String, String> headers = template.responseHeaders("http://localhost:8080");
        assertEquals("http://localhost:8080", headers.get("access-control-allow-origin"));
        assertEquals(String.join(",", template.exposeHeaders()), headers.get("access-control-expose-headers"));
        assertEquals(Map.of(), template.responseHeaders("https://evil.example"));
        assertEquals(Map.of(), template.responseHeaders(null));
    }

    @Test
    void wildcardOriginsAndHeaders() {
        CorsPolicy any = new CorsPolicy(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        Map<String, String> headers = any.preflightHeaders(preflight("https://anyone.example", "PUT", "X-Custom, Content-Type"));
        assertEquals("*", headers.get("access-control-allow-origin"));
        assertEquals("PUT", headers.get("access-control-allow-methods"));
        assertEquals("x-custom,content-type", headers.get("access-control-allow-headers"));

        CorsPolicy https = new CorsPolicy(List.of("https://*"), List.of("GET"), List.of(), List.of(), null, true);
        assertTrue(https.isAllowed("https://site.example"));
        assertFalse(https.isAllowed("http://site.example"));
        assertEquals("true", https.responseHeaders("https://site.example").get("access-control-allow-credentials"));
    }

    @Test
    void refusesCredentialsWithAnyOrigin() {
        assertThrows(IllegalArgumentException.class,
                () -> new CorsPolicy(List.of("*"), List.of("GET"), List.of(), List.of(), null, true));
    }

    @Test
    void resolvesAReferenceToAnOverriddenParameter() {
        CorsPolicy policy = CorsPolicy.from(Map.of("AllowOrigins", Map.of("Ref", "AllowedOrigins"), "AllowMethods", List.of("get")),
                name -> name.equals("AllowedOrigins") ? "https://a.example, https://b.example" : null);
        assertEquals(List.of("https://a.example", "https://b.example"), policy.allowOrigins());
        assertEquals(List.of("GET"), policy.allowMethods());
        assertEquals(CorsPolicy.NONE, CorsPolicy.from(Map.of(), name -> null));
    }

    private static IncomingRequest preflight(String origin, String method, String requestHeaders) {
        Map<String, List<String>> headers = new java.util.HashMap<>(Map.of(
                "Origin", List.of(origin), "Access-Control-Request-Method", List.of(method)));
        if (requestHeaders != null) {
            headers.put("Access-Control-Request-Headers", List.of(requestHeaders));
        }
        return request("OPTIONS", headers);
    }

    private static IncomingRequest request(String method, Map<String, List<String>> headers) {
        return new IncomingRequest(method, "/articles/x", null, headers, new byte[0], "127.0.0.1", 3000, "HTTP/1.1");
    }
}
