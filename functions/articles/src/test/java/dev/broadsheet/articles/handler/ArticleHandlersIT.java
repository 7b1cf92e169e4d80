package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.template.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The handlers built the way the Lambda runtime builds them (from an environment), on the emulators. */
@ExtendWith(EmulatorsExtension.class)
class ArticleHandlersIT {

    @Test
    void handlersBuiltFromTheirEnvironmentServeFromTheTable(LocalAws aws) throws Exception {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        aws.dynamoDb().putItem(request -> request.tableName(table).item(ArticleItems.toItem(SampleArticles.published(7, "world"))));
        Map<String, String> variables = new HashMap<>(aws.environment());
        variables.put("ARTICLES_TABLE", table);
        variables.put("ARTICLE_URL_PATTERN", "https://news.example.com/{slug}");
        Environment env = new Environment(variables);

        APIGatewayV2HTTPResponse one = new GetArticleHandler(env)
                .handleRequest(Events.get("/articles/article-7", Map.of("slug", "article-7"), null, Map.of()), null);
        APIGatewayV2HTTPResponse list = new ListArticlesHandler(env)
                .handleRequest(Events.get("/articles", null, Map.of("tag", "world"), Map.of()), null);

        assertEquals(200, one.getStatusCode(), one.getBody());
        OpenApiContract contract = OpenApiContract.ofProject();
        contract.requireKept("GET /articles/{slug}", one.getStatusCode(), one.getHeaders(), one.getBody());
        contract.requireKept("GET /articles", list.getStatusCode(), list.getHeaders(), list.getBody());
        APIGatewayV2HTTPResponse missing = new GetArticleHandler(env)
                .handleRequest(Events.get("/articles/article-8", Map.of("slug", "article-8"), null, Map.of()), null);
        assertEquals(404, missing.getStatusCode());
        contract.requireKept("GET /articles/{slug}", missing.getStatusCode(), missing.getHeaders(), missing.getBody());
        assertEquals("Headline 7", Json.MAPPER.readTree(one.getBody()).path("headline").asText());
        assertEquals(ArticleSettings.DEFAULT_CACHE_CONTROL, one.getHeaders().get("Cache-Control"));
        JsonNode items = Json.MAPPER.readTree(list.getBody()).path("items");
        assertEquals(1, items.size());
        assertEquals("article-7", items.get(0).path("slug").asText());
    }
}
