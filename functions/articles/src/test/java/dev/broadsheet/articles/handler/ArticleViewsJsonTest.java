package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.JsonWriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The views write themselves (no Jackson on the read path) exactly as Jackson would write them. */
class ArticleViewsJsonTest {

    private final ArticleViews views = new ArticleViews("https://news.example.com/{slug}");

    @Test
    void aFullArticleIsWrittenAsJacksonWritesIt() throws Exception {
        for (Article article : List.of(SampleArticles.published(1, "world", "syria"), ArticlePriming.sample(), awkward())) {
            ArticleViews.ArticleView view = views.full(article, "https://api.example.com");
            assertEquals(Json.MAPPER.writeValueAsString(view), JsonWriter.write(view));
        }
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
                List.of(), null, body, false, 12, base.version());
    }
}
