package dev.broadsheet.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdnOriginTest {

    private static Request request(Map<String, String> headers) {
        return new Request(HttpEvents.request("GET", "/articles/a").headers(headers).sourceIp("130.176.1.1").build());
    }

    @Test
    void withoutACdnNothingIsAskedAndTheSourceIpIsTheClient() {
        CdnOrigin none = CdnOrigin.from(new Environment(Map.of(CdnOrigin.ENABLED, "false", CdnOrigin.SECRET, "{{resolve:x}}")));

        assertFalse(none.enabled());
        none.verify(request(Map.of()));
        assertEquals("130.176.1.1", none.clientAddress(request(Map.of(CdnOrigin.VIEWER_ADDRESS, "198.51.100.7:443"))),
                "without a CDN the header is anyone's to forge: ignored");
    }

    @Test
    void behindTheCdnARequestWithoutTheSecretIsRefused() {
        CdnOrigin cdn = CdnOrigin.from(new Environment(Map.of(CdnOrigin.ENABLED, "true", CdnOrigin.SECRET, "s3cret")));

        assertTrue(cdn.enabled());
        cdn.verify(request(Map.of(CdnOrigin.HEADER, "s3cret")));
        for (Map<String, String> headers : new Map[] {Map.of(), Map.of(CdnOrigin.HEADER, "s3cre"), Map.of(CdnOrigin.HEADER, "s3cret ")}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> cdn.verify(request(headers)));
            assertEquals(403, refused.problem().status());
            assertEquals(Problem.TYPE_BASE + "not-through-cdn", refused.problem().type());
        }
    }

    @Test
    void behindTheCdnTheClientIsTheViewerAddressWithoutItsPort() {
        CdnOrigin cdn = CdnOrigin.withSecret("s");

        assertEquals("198.51.100.7", cdn.clientAddress(request(Map.of(CdnOrigin.VIEWER_ADDRESS, "198.51.100.7:46532"))));
        assertEquals("2001:db8::1", cdn.clientAddress(request(Map.of(CdnOrigin.VIEWER_ADDRESS, "2001:db8::1:46532"))));
        assertEquals("130.176.1.1", cdn.clientAddress(request(Map.of())), "no viewer address: the edge's");
    }

    @Test
    void onWithoutASecretFailsAtInit() {
        assertThrows(Environment.MissingConfigurationException.class,
                () -> CdnOrigin.from(new Environment(Map.of(CdnOrigin.ENABLED, "true"))));
        assertThrows(Environment.MissingConfigurationException.class, () -> CdnOrigin.from(new Environment(
                Map.of(CdnOrigin.ENABLED, "true", CdnOrigin.SECRET, "{{resolve:secretsmanager:arn:SecretString}}"))));
    }

    @Test
    void aHandlerBehindTheCdnRefusesADirectCallAsAProblem() {
        HttpHandler handler = new HttpHandler() {
            @Override
            protected APIGatewayV2HTTPResponse handle(Request request) {
                return Responses.json(200, (JsonWritable) out -> out.beginObject().field("client", clientAddress(request)).endObject(), Map.of());
            }
        }.behind(CdnOrigin.withSecret("s3cret"));

        APIGatewayV2HTTPResponse direct = handler.handleRequest(HttpEvents.request("GET", "/x").build(), null);
        APIGatewayV2HTTPResponse viaCdn = handler.handleRequest(HttpEvents.request("GET", "/x")
                .headers(Map.of(CdnOrigin.HEADER, "s3cret", CdnOrigin.VIEWER_ADDRESS, "203.0.113.9:1234")).build(), null);

        assertEquals(403, direct.getStatusCode());
        assertEquals(Responses.PROBLEM_JSON, direct.getHeaders().get("Content-Type"));
        assertEquals(200, viaCdn.getStatusCode());
        assertEquals("{\"client\":\"203.0.113.9\"}", viaCdn.getBody());
    }
}
