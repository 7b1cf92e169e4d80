package dev.broadsheet.articles.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.ReadingTime;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure hot path of {@code GET /articles/{slug}} after the GetItem: the reference article
 * (the local API's sample content) rendered to its public JSON with the ETag, as the handler
 * does, and, for comparison, the same view written by Jackson's databind. In this package because
 * the views are the handler's own.
 */
@State(Scope.Benchmark)
public class ArticleRenderingBenchmark {

    private static final String SEED = "/seed/united-states-and-russia-enter-military-partnership-over-syria.json";

    private final ArticleViews views = new ArticleViews("https://news.example.com/articles/{slug}");
    private Article article;
    private Request request;

    @Setup
    public void load() throws Exception {
        JsonNode json;
        try (InputStream in = ArticleRenderingBenchmark.class.getResourceAsStream(SEED)) {
            json = Json.MAPPER.readTree(in);
        }
        JsonNode hero = json.path("heroImage");
        Image heroImage = new Image("images/3d5f0c1e.png", hero.path("alt").asText(), hero.path("caption").asText(),
                hero.path("credit").asText(null), 1200, 675, "image/png");
        // The body as the editor reads it (the seed has no image in its body; its hero is given above).
        ObjectNode withoutHero = ((ObjectNode) json.deepCopy()).without("heroImage");
        List<Block> body = ArticleReader.read(withoutHero, ImageFiles.inMemory(Map.of())).draft().body();
        List<Tag> tags = new ArrayList<>();
        json.path("tags").forEach(tag -> tags.add(Tag.of(tag.asText())));
        Instant publishedAt = Instant.parse(json.path("publishedAt").asText());
        article = new Article(json.path("slug").asText(), json.path("headline").asText(), json.path("summary").asText(),
                ArticleSchema.PUBLISHED, publishedAt, publishedAt, publishedAt, tags, List.of(new Author("A Writer", "a-writer")),
                heroImage, body, ReadingTime.minutes(body), true, 0, 1);
        request = new Request(PrimingEvents.get("/articles/" + article.slug(), Map.of("slug", article.slug())));
    }

    /** What the handler does with a found article: view, JSON, ETag, headers. */
    @Benchmark
    public Object renderArticleResponse() {
        return Responses.cacheableJson(request, views.full(article, request.baseUrl()),
                ArticleSettings.DEFAULT_CACHE_CONTROL);
    }

    /** The JSON alone, written by the view itself (the handler's way). */
    @Benchmark
    public String writeArticleJson() {
        return dev.broadsheet.core.JsonWriter.write(views.full(article, request.baseUrl()));
    }

    /** The same JSON written by Jackson's databind, for comparison. */
    @Benchmark
    public String writeArticleJsonWithJackson() {
        return Json.write(views.full(article, request.baseUrl()));
    }
}
