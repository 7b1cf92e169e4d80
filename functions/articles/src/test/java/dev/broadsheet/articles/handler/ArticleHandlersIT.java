package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.template.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The handlers built the way the Lambda runtime builds them (from an environment), on the emulators. */
@ExtendWith(EmulatorsExtension.class)
class ArticleHandlersIT {

    @Test
    void handlersBuiltFromTheirEnvironmentServeFromTheTable(LocalAws aws) throws Exception {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        SampleArticles.store(aws.dynamoDb(), table, SampleArticles.published(7, "world"));
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

    @Test
    void everyBlockTypeIsServedAsTheContractSays(LocalAws aws) throws Exception {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        Article sample = ArticlePriming.sample();
        SampleArticles.store(aws.dynamoDb(), table, sample);

        APIGatewayV2HTTPResponse one = new GetArticleHandler(environment(aws, table))
                .handleRequest(Events.get("/articles/" + sample.slug(), Map.of("slug", sample.slug()), null, Map.of()), null);

        assertEquals(200, one.getStatusCode(), one.getBody());
        OpenApiContract.ofProject().requireKept("GET /articles/{slug}", one.getStatusCode(), one.getHeaders(), one.getBody());
        List<String> types = new ArrayList<>();
        Json.MAPPER.readTree(one.getBody()).path("body").forEach(block -> types.add(block.path("type").asText()));
        assertEquals(List.of("heading", "paragraph", "paragraph", "quote", "list", "code", "table", "image", "gallery", "embed",
                "separator"), types);
    }

    /** An article written before spans: blocks with {@code text} only, a heading without a level. */
    @Test
    void anArticleStoredBeforeSpansIsServedInTheCurrentShape(LocalAws aws) throws Exception {
        aws.reset();
        String table = aws.physicalNames().get("ArticlesTable");
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(SampleArticles.published(3)));
        item.put(ArticleSchema.BODY, AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("type", s("heading"), "text", s("Old heading"))),
                AttributeValue.fromM(Map.of("type", s("paragraph"), "text", s("Line one\nline two"))),
                AttributeValue.fromM(Map.of("type", s("quote"), "text", s("Old quote"), "attribution", s("Someone"))))));
        aws.dynamoDb().putItem(request -> request.tableName(table).item(item));

        APIGatewayV2HTTPResponse one = new GetArticleHandler(environment(aws, table))
                .handleRequest(Events.get("/articles/article-3", Map.of("slug", "article-3"), null, Map.of()), null);

        assertEquals(200, one.getStatusCode(), one.getBody());
        OpenApiContract.ofProject().requireKept("GET /articles/{slug}", one.getStatusCode(), one.getHeaders(), one.getBody());
        assertEquals(Json.MAPPER.readTree("""
                [{"type": "heading", "text": "Old heading", "level": 2, "content": [{"text": "Old heading"}]},
                 {"type": "paragraph", "text": "Line one\\nline two", "content": [{"text": "Line one"}, {"break": true}, {"text": "line two"}]},
                 {"type": "quote", "text": "Old quote", "content": [{"text": "Old quote"}], "attribution": "Someone"}]
                """), Json.MAPPER.readTree(one.getBody()).path("body"));
    }

    private static Environment environment(LocalAws aws, String table) {
        Map<String, String> variables = new HashMap<>(aws.environment());
        variables.put("ARTICLES_TABLE", table);
        variables.put("ARTICLE_URL_PATTERN", "https://news.example.com/{slug}");
        return new Environment(variables);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
