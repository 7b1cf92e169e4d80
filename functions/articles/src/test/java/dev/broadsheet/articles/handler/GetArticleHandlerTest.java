package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetArticleHandlerTest {

    private static final String CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

    private final InMemoryArticleRepository articles = new InMemoryArticleRepository()
            .add(SampleArticles.published(1, "world"))
            .add(SampleArticles.unpublished(2));
    private final GetArticleHandler handler =
            new GetArticleHandler(articles, "https://news.example.com/{slug}/", CACHE);

    private APIGatewayV2HTTPResponse get(String slug, Map<String, String> headers) {
        return handler.handleRequest(Events.get("/articles/" + slug, Map.of("slug", slug), null, headers), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void servesAPublishedArticleWithItsPublicShape() throws Exception {
        APIGatewayV2HTTPResponse response = get("article-1", Map.of());

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals(CACHE, response.getHeaders().get("Cache-Control"));
        JsonNode json = body(response);
        assertEquals("article-1", json.path("slug").asText());
        assertEquals("Headline 1", json.path("headline").asText());
        assertEquals("2016-09-02T08:00:00.000Z", json.path("publishedAt").asText());
        assertEquals("https://api.example.com/images/hero-1.png", json.path("heroImage").path("src").asText());
        assertEquals("Caption 1", json.path("heroImage").path("caption").asText());
        assertEquals(1200, json.path("heroImage").path("width").asInt());
        assertEquals("quote", json.path("body").get(1).path("type").asText());
        assertEquals("Someone", json.path("body").get(1).path("attribution").asText());
        assertTrue(json.path("comments").path("open").asBoolean());
        assertEquals(1, json.path("comments").path("count").asInt());
        assertEquals("https://news.example.com/article-1/", json.path("share").path("canonicalUrl").asText());
        assertEquals("https://www.pinterest.com/pin/create/button/?url=https%3A%2F%2Fnews.example.com%2Farticle-1%2F"
                        + "&media=https%3A%2F%2Fapi.example.com%2Fimages%2Fhero-1.png&description=Headline+1",
                json.path("share").path("pinterest").asText());
        assertTrue(json.path("status").isMissingNode(), "storage fields stay private");
        assertTrue(json.path("version").isMissingNode(), "storage fields stay private");
    }

    @Test
    void answersAMatchingIfNoneMatchWith304AndNoBody() {
        String etag = get("article-1", Map.of()).getHeaders().get("ETag");

        APIGatewayV2HTTPResponse strong = get("article-1", Map.of("if-none-match", etag));
        APIGatewayV2HTTPResponse weakInAList = get("article-1", Map.of("if-none-match", "\"other\", W/" + etag));
        APIGatewayV2HTTPResponse stale = get("article-1", Map.of("if-none-match", "\"not-this-one\""));

        assertEquals(304, strong.getStatusCode());
        assertNull(strong.getBody());
        assertEquals(etag, strong.getHeaders().get("ETag"));
        assertEquals(CACHE, strong.getHeaders().get("Cache-Control"));
        assertEquals(304, weakInAList.getStatusCode());
        assertEquals(200, stale.getStatusCode());
    }

    @Test
    void etagIsStableForTheSameArticleAndChangesWithIt() {
        String first = get("article-1", Map.of()).getHeaders().get("ETag");
        String again = get("article-1", Map.of()).getHeaders().get("ETag");
        Article original = SampleArticles.published(1, "world");
        articles.add(new Article(original.slug(), "A corrected headline", original.summary(), original.status(),
                original.publishedAt(), original.updatedAt().plusSeconds(60), original.listedAt(), original.tags(),
                original.authors(), original.heroImage(), original.body(), original.readingTimeMinutes(), true, 1, 2));
        String edited = get("article-1", Map.of()).getHeaders().get("ETag");

        assertTrue(first.matches("\"[A-Za-z0-9_-]{22}\""), first);
        assertEquals(first, again);
        assertNotEquals(first, edited);
    }

    @Test
    void unknownAndUnpublishedSlugsAre404Problems() throws Exception {
        for (String slug : new String[] {"no-such-slug", "article-2"}) {
            APIGatewayV2HTTPResponse response = get(slug, Map.of());

            assertEquals(404, response.getStatusCode(), slug);
            assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("Content-Type"));
            JsonNode problem = body(response);
            assertEquals("https://broadsheet.dev/problems/not-found", problem.path("type").asText());
            assertEquals(404, problem.path("status").asInt());
            assertTrue(problem.path("detail").asText().contains(slug));
        }
    }

    @Test
    void malformedSlugsAre400ProblemsNamingTheField() throws Exception {
        for (String slug : new String[] {"Article-1", "../etc/passwd", "a--b", "x".repeat(201), ""}) {
            APIGatewayV2HTTPResponse response = get(slug, Map.of());

            assertEquals(400, response.getStatusCode(), slug);
            JsonNode error = body(response).path("errors").get(0);
            assertEquals("slug", error.path("field").asText());
            assertEquals("format", error.path("code").asText());
        }
    }

    @Test
    void aFailingTableIsA500WithoutTheLibraryMessage() throws Exception {
        articles.failWith(new IllegalStateException("Unable to execute HTTP request: secret-host:8000"));

        APIGatewayV2HTTPResponse response = get("article-1", Map.of());

        assertEquals(500, response.getStatusCode());
        assertFalse(response.getBody().contains("secret-host"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("https://broadsheet.dev/problems/internal-error", body(response).path("type").asText());
    }

    @Test
    void primingNeverFailsTheSnapshotAndLeavesTheHandlerServing() throws Exception {
        articles.failWith(new IllegalStateException("table unreachable while the snapshot is taken"));
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);
        articles.failWith(null);

        APIGatewayV2HTTPResponse response = get("article-1", Map.of());

        assertEquals(200, response.getStatusCode());
        assertEquals("Headline 1", body(response).path("headline").asText());
    }
}
