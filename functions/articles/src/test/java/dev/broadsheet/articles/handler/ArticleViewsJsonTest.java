package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The views write themselves (no Jackson on the read path) exactly as Jackson would write them. */
class ArticleViewsJsonTest {

    private final ArticleViews views = new ArticleViews("https://news.example.com/{slug}");

    @Test
    void aFullArticleIsWrittenAsJacksonWritesIt() throws Exception {
        for (Article article : List.of(SampleArticles.published(1, "world", "syria"), ArticlePriming.sample(), awkward())) {
            ArticleViews.ArticleView view = views.full(article, "https://api.example.com");
            // Open Graph's property names ("og:title") are no Java names: that part is checked below; the
            // body's blocks are written by the model (BlockJsonTest checks them against their JSON).
            ObjectNode expected = Json.MAPPER.valueToTree(view);
            expected.set("openGraph", Json.MAPPER.readTree(JsonWriter.write(view.openGraph())));
            ArrayNode body = expected.putArray("body");
            for (ArticleViews.BlockView block : view.body()) {
                body.add(Json.MAPPER.readTree(JsonWriter.write(block)));
            }
            assertEquals(Json.MAPPER.writeValueAsString(expected), JsonWriter.write(view));
        }
    }

    @Test
    void openGraphNamesEveryPropertyAsTheProtocolDoes() throws Exception {
        JsonNode og = Json.MAPPER.readTree(JsonWriter.write(views.full(ArticlePriming.sample(), "https://api.example.com")))
                .get("openGraph");
        assertEquals("article", og.get("og:type").asText());
        assertEquals("A sample headline", og.get("og:title").asText());
        assertEquals("A sample summary.", og.get("og:description").asText());
        assertEquals("https://news.example.com/snapstart-priming-sample", og.get("og:url").asText());
        assertEquals("https://api.example.com/images/snapstart-priming.png", og.get("og:image").asText());
        assertEquals(1200, og.get("og:image:width").asInt());
        assertEquals(675, og.get("og:image:height").asInt());
        assertEquals("2016-09-13T08:00:00.000Z", og.get("article:published_time").asText());
        assertEquals("[\"World\",\"A Sample\"]", og.get("article:tag").toString());
        assertEquals("[\"A Writer\"]", og.get("article:author").toString());
        assertNull(Json.MAPPER.readTree(JsonWriter.write(views.full(awkward(), "https://api.example.com")))
                .get("openGraph").get("og:image"), "no hero image, no og:image");
    }

    @Test
    void listsAreWrittenAsJacksonWritesThem() throws Exception {
        var summaries = List.of(views.summary(SampleArticles.published(1), "https://api.example.com"),
                views.summary(awkward(), "https://api.example.com"));
        for (var list : List.of(new ArticleViews.ArticleList(summaries, "cursor"), new ArticleViews.ArticleList(List.of(), null))) {
            assertEquals(Json.MAPPER.writeValueAsString(list), JsonWriter.write(list));
        }
    }

    /** No hero image, no summary, empty tags, and text that needs escaping. */
    private static Article awkward() {
        Article base = SampleArticles.published(3);
        List<Block> body = new ArrayList<>(List.of(Block.paragraph("Quotes \" and \\ back\\slash, tab\t, newline\n, bell\u0007, é ü 中文 \u2028"),
                Block.quote("<script>alert(1)</script>", null), Block.heading("")));
        return new Article(base.slug(), "Headline \"quoted\"", null, base.status(), base.publishedAt(), base.updatedAt(),
                base.listedAt(), List.of(), List.of(), null, body, 3, false, 12, base.version());
    }
}
