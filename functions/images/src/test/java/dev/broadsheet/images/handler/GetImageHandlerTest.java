package dev.broadsheet.images.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.signing.PublishedImages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetImageHandlerTest {

    private static final String HASH = "3d5f".repeat(16);
    private static final String KEY = "a-story/" + HASH + ".png";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC);

    private final Fakes.Articles articles = new Fakes.Articles()
            .publish("a-story", new ArticleImage("images/" + KEY, ArticleImage.HERO, "Alt", "Caption", null, 1200, 675));
    private final Fakes.Signer signer = new Fakes.Signer(CLOCK, Duration.ofMinutes(15));
    private final GetImageHandler handler = new GetImageHandler(new PublishedImages(articles, signer), CLOCK);

    @Test
    void anImageOfAPublishedArticleRedirectsToItsSignedUrl() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.image(KEY, KEY, null), null);

        assertEquals(302, response.getStatusCode());
        assertEquals("https://signed.example/images/" + KEY + "?X-Amz-Signature=fake", response.getHeaders().get("Location"));
        assertEquals("public, max-age=450", response.getHeaders().get("Cache-Control"));
        assertNull(response.getBody());
        assertEquals(List.of("images/" + KEY), signer.signed);
    }

    @Test
    void formatJsonGivesTheUrlAndItsExpiry() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.image(KEY, KEY, Map.of("format", "json")), null);

        assertEquals(200, response.getStatusCode());
        assertEquals("public, max-age=450", response.getHeaders().get("Cache-Control"));
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("https://signed.example/images/" + KEY + "?X-Amz-Signature=fake", body.path("url").asText());
        assertEquals("2026-11-28T05:15:00Z", body.path("expiresAt").asText());
        assertEquals(2, body.size());
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.image(KEY, KEY, Map.of("format", "xml")), null);
        assertProblem(400, response);
        assertTrue(response.getBody().contains("\"field\":\"format\""), response.getBody());
    }

    @Test
    void keysThatAreNotImagesOfAPublishedArticleAreNotFoundAndNeverSigned() {
        articles.publish("no-images");
        List<String> keys = List.of(
                "unpublished-story/" + HASH + ".png",         // no published article of that slug
                "a-story/" + "0".repeat(64) + ".png",         // the article is published, the image is not one of its images
                "a-story/" + HASH + ".jpg",
                "no-images/" + HASH + ".png");
        for (String key : keys) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(Events.image(key, key, null), null);
            assertProblem(404, response);
            assertFalse(response.getBody().contains("X-Amz-Signature"), response.getBody());
            assertNull(response.getHeaders().get("Location"));
        }
        assertEquals(List.of(), signer.signed);
    }

    @Test
    void malformedKeysAreBadRequestsWithoutALookup() {
        List<String> malformed = List.of("", "a-story/../x/" + HASH + ".png", "a-story\\" + HASH + ".png",
                "a-story/" + HASH + ".png\u0007", "images/" + KEY, "a-story/" + HASH + ".svg", "x".repeat(300) + ".png",
                "a-story/" + HASH + ".png?", "a-story/" + HASH + ".png/..");
        for (String key : malformed) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(Events.image(key, key, null), null);
            assertProblem(400, response);
            assertTrue(response.getBody().contains("\"field\":\"key\""), response.getBody());
        }
        assertEquals(List.of(), articles.lookedUp);
        assertEquals(List.of(), signer.signed);
    }

    @Test
    void anEncodedSlashIsRefusedEvenThoughTheDecodedKeyLooksValid() {
        // API Gateway decodes %2F into the parameter: only the raw path shows it was not a real slash.
        APIGatewayV2HTTPResponse slash = handler.handleRequest(Events.image("a-story%2F" + HASH + ".png", KEY, null), null);
        APIGatewayV2HTTPResponse backslash = handler.handleRequest(Events.image("a-story%5C" + HASH + ".png", KEY, null), null);

        assertProblem(400, slash);
        assertTrue(slash.getBody().contains("\"code\":\"encoding\""), slash.getBody());
        assertProblem(400, backslash);
        assertEquals(List.of(), signer.signed);
    }

    @Test
    void aMissingKeyParameterIsABadRequest() {
        assertProblem(400, handler.handleRequest(Events.image("", null, null), null));
    }

    private static void assertProblem(int status, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("Content-Type"));
    }
}
