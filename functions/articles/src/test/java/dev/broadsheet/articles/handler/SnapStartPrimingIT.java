package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SnapStart hooks as Lambda runs them around a snapshot (priming, then restore), on the
 * emulators: priming writes nothing, and the restored handler answers a real request correctly.
 */
@ExtendWith(EmulatorsExtension.class)
class SnapStartPrimingIT {

    @Test
    void primedAndRestoredHandlersWriteNothingAndAnswerCorrectly(LocalAws aws) throws Exception {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        SampleArticles.store(aws.dynamoDb(), table, SampleArticles.published(7, "world"));
        Map<String, String> variables = new HashMap<>(aws.environment());
        variables.put("ARTICLES_TABLE", table);
        variables.put("ARTICLE_URL_PATTERN", "https://news.example.com/{slug}");
        Environment env = new Environment(variables);
        GetArticleHandler get = new GetArticleHandler(env);
        ListArticlesHandler list = new ListArticlesHandler(env);

        for (var handler : java.util.List.of(get, list)) {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
        }

        assertEquals(3, aws.dynamoDb().scan(request -> request.tableName(table)).count(),
                "priming wrote to the table: the article and its 2 list items (all, world) were all it held");
        APIGatewayV2HTTPResponse one = get.handleRequest(
                Events.get("/articles/article-7", Map.of("slug", "article-7"), null, Map.of()), null);
        assertEquals(200, one.getStatusCode(), one.getBody());
        assertEquals("Headline 7", Json.MAPPER.readTree(one.getBody()).path("headline").asText());
        APIGatewayV2HTTPResponse missing = get.handleRequest(
                Events.get("/articles/article-8", Map.of("slug", "article-8"), null, Map.of()), null);
        assertEquals(404, missing.getStatusCode(), missing.getBody());
        APIGatewayV2HTTPResponse feed = list.handleRequest(Events.get("/articles", null, Map.of(), Map.of()), null);
        JsonNode items = Json.MAPPER.readTree(feed.getBody()).path("items");
        assertEquals(200, feed.getStatusCode(), feed.getBody());
        assertEquals(1, items.size());
        assertEquals("article-7", items.get(0).path("slug").asText());
    }
}
