package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.core.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListArticlesHandlerTest {

    private final InMemoryArticleRepository articles = new InMemoryArticleRepository();
    private final ListArticlesHandler handler =
            new ListArticlesHandler(articles, "https://news.example.com/{slug}", "public, max-age=60");

    ListArticlesHandlerTest() {
        for (int n = 0; n < 25; n++) {
            articles.add(SampleArticles.published(n, n % 3 == 0 ? "syria" : "sport"));
        }
        articles.add(SampleArticles.unpublished(99));
    }

    private APIGatewayV2HTTPResponse list(Map<String, String> query) {
        return list(query, Map.of());
    }

    private APIGatewayV2HTTPResponse list(Map<String, String> query, Map<String, String> headers) {
        return handler.handleRequest(Events.get("/articles", null, query, headers), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        return slugs;
    }

    @Test
    void listsTwentyNewestFirstByDefault() throws Exception {
        APIGatewayV2HTTPResponse response = list(null);

        assertEquals(200, response.getStatusCode());
        assertNotNull(response.getHeaders().get("ETag"));
        JsonNode page = body(response);
        List<String> slugs = slugs(page);
        assertEquals(20, slugs.size());
        assertEquals("article-24", slugs.get(0));
        assertEquals("article-5", slugs.get(19));
        assertFalse(slugs.contains("article-99"));
        JsonNode first = page.path("items").get(0);
        assertEquals("https://news.example.com/article-24", first.path("url").asText());
        assertEquals("https://api.example.com/articles/article-24", first.path("href").asText());
        assertTrue(first.path("body").isMissingNode(), "a list entry is a teaser, not the whole article");
        assertEquals("Writer 24", first.path("authors").get(0).path("name").asText());
        assertEquals("writer-24", first.path("authors").get(0).path("slug").asText());
        assertEquals(1, first.path("readingTimeMinutes").asInt());
        assertEquals("Origin", response.getHeaders().get("Vary"));
    }

    @Test
    void tagsKeepTheirSlugListAndGainNames() throws Exception {
        JsonNode item = body(list(Map.of("tag", "syria", "limit", "1"))).path("items").get(0);

        assertTrue(item.path("tags").get(0).isTextual(), "tags stays the list of slugs existing clients read");
        assertEquals("syria", item.path("tagDetails").get(0).path("slug").asText());
        assertEquals("Syria", item.path("tagDetails").get(0).path("name").asText());
    }

    @Test
    void aCursorIssuedBeforePagingRecordedItsStartStillWorks() throws Exception {
        APIGatewayV2HTTPResponse response = list(Map.of("cursor", encode("a1|2016-09-20T08:00:00.000Z|article-19")));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("article-18", slugs(body(response)).get(0));
    }

    @Test
    void cursorsWalkTheWholeFeedWithoutGapsOrRepeats() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "7"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = body(list(query));
            seen.addAll(slugs(page));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(4, pages);
        assertEquals(25, seen.size());
        for (int i = 0; i < 25; i++) {
            assertEquals("article-" + (24 - i), seen.get(i));
        }
    }

    @Test
    void filtersByTag() throws Exception {
        List<String> slugs = slugs(body(list(Map.of("tag", "syria", "limit", "50"))));

        assertEquals(List.of("article-24", "article-21", "article-18", "article-15", "article-12", "article-9",
                "article-6", "article-3", "article-0"), slugs);
    }

    @Test
    void answersAnUnchangedListWith304() {
        String etag = list(Map.of("limit", "5")).getHeaders().get("ETag");

        assertEquals(304, list(Map.of("limit", "5"), Map.of("if-none-match", etag)).getStatusCode());
        assertEquals(200, list(Map.of("limit", "6"), Map.of("if-none-match", etag)).getStatusCode());
    }

    @Test
    void badLimitsAre400ProblemsNamingTheField() throws Exception {
        for (String limit : new String[] {"0", "51", "-1", "ten", "1.5", ""}) {
            APIGatewayV2HTTPResponse response = list(Map.of("limit", limit));

            assertEquals(400, response.getStatusCode(), limit);
            assertEquals("limit", body(response).path("errors").get(0).path("field").asText());
        }
        assertEquals(200, list(Map.of("limit", "50")).getStatusCode());
        assertEquals(200, list(Map.of("limit", "1")).getStatusCode());
    }

    @Test
    void tamperedCursorsAre400NotServerErrors() throws Exception {
        String valid = body(list(Map.of("limit", "3"))).path("nextCursor").asText();
        String decoded = new String(Base64.getUrlDecoder().decode(valid), StandardCharsets.UTF_8);
        List<String> tampered = List.of(
                "not-a-cursor!",
                valid.substring(0, valid.length() - 3),
                encode(decoded.replace("a2|", "a9|")),
                encode(decoded.replace("a2|", "a1|")),
                encode(decoded.replace("2016", "20x6")),
                encode(decoded + "|extra"),
                encode("a1|2016-09-20T08:00:00.000Z|UPPER-CASE"),
                encode("a1|2016-09-20T08:00:00Z|article-1"),
                encode("a2|2016-09-20T08:00|2016-09-20T08:00:00.000Z|article-1"),
                "A".repeat(5000));
        for (String cursor : tampered) {
            APIGatewayV2HTTPResponse response = list(Map.of("cursor", cursor));

            assertEquals(400, response.getStatusCode(), cursor);
            assertEquals("cursor", body(response).path("errors").get(0).path("field").asText());
        }
    }

    @Test
    void badTagsAre400() throws Exception {
        APIGatewayV2HTTPResponse response = list(Map.of("tag", "<script>"));

        assertEquals(400, response.getStatusCode());
        assertEquals("tag", body(response).path("errors").get(0).path("field").asText());
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
