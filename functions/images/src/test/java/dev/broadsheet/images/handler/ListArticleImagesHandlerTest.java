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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ListArticleImagesHandlerTest {

    private static final String HERO = "images/a-story/" + "aa".repeat(32) + ".jpg";
    private static final String BODY = "images/a-story/" + "bb".repeat(32) + ".webp";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC);

    private final Fakes.Articles articles = new Fakes.Articles();
    private final Fakes.Signer signer = new Fakes.Signer(CLOCK, Duration.ofMinutes(10));
    private final ListArticleImagesHandler handler = new ListArticleImagesHandler(new PublishedImages(articles, signer), CLOCK);

    @Test
    void everyImageOfThePublishedArticleComesSignedInOneResponse() throws Exception {
        articles.publish("a-story",
                new ArticleImage(HERO, ArticleImage.HERO, "Hero alt", "Hero caption", "Photo: A", 1200, 675),
                new ArticleImage(BODY, ArticleImage.BODY, "Body alt", null, null, 800, 600),
                // Not in the key scheme of this article: GET /images/{key+} would refuse it, so the list leaves it out.
                new ArticleImage("images/other-story/" + "cc".repeat(32) + ".png", ArticleImage.BODY, "x", null, null, 1, 1),
                new ArticleImage("images/" + "dd".repeat(32) + ".png", ArticleImage.BODY, "y", null, null, 1, 1));

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.articleImages("a-story"), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("public, max-age=300", response.getHeaders().get("Cache-Control"));
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("a-story", body.path("slug").asText());
        assertEquals("2026-11-28T05:10:00Z", body.path("expiresAt").asText());
        JsonNode images = body.path("images");
        assertEquals(2, images.size());
        JsonNode hero = images.get(0);
        assertEquals("https://api.example.com/" + HERO, hero.path("src").asText());
        assertEquals("hero", hero.path("role").asText());
        assertEquals("Hero alt", hero.path("alt").asText());
        assertEquals("Hero caption", hero.path("caption").asText());
        assertEquals("Photo: A", hero.path("credit").asText());
        assertEquals(1200, hero.path("width").asInt());
        assertEquals(675, hero.path("height").asInt());
        assertEquals("https://signed.example/" + HERO + "?X-Amz-Signature=fake", hero.path("url").asText());
        assertEquals("2026-11-28T05:10:00Z", hero.path("expiresAt").asText());
        assertEquals("body", images.get(1).path("role").asText());
        assertFalse(images.get(1).has("caption"));
        assertEquals(List.of(HERO, BODY), signer.signed);
    }

    @Test
    void anArticleWithoutImagesHasAnEmptyListCachedLikeAnArticle() throws Exception {
        articles.publish("a-story");
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.articleImages("a-story"), null);
        assertEquals(200, response.getStatusCode());
        assertEquals(0, Json.MAPPER.readTree(response.getBody()).path("images").size());
        assertEquals("public, max-age=60", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void anUnknownOrUnpublishedArticleIsNotFound() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.articleImages("not-there"), null);
        assertEquals(404, response.getStatusCode());
        assertFalse(response.getBody().contains("X-Amz-Signature"));
        assertEquals(List.of(), signer.signed);
    }

    @Test
    void aMalformedSlugIsABadRequest() {
        for (String slug : List.of("Not-A-Slug", "a..b", "a/b", "x".repeat(201), "a\u0000b")) {
            assertEquals(400, handler.handleRequest(Events.articleImages(slug), null).getStatusCode(), slug);
        }
        assertEquals(List.of(), articles.lookedUp);
    }
}
