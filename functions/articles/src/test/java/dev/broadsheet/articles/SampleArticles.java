package dev.broadsheet.articles;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Articles for tests, published a day apart so their feed order is known. */
public final class SampleArticles {

    public static final Instant FIRST_DAY = Instant.parse("2016-09-01T08:00:00Z");

    private SampleArticles() {
    }

    /** The n-th article (0-based), published n days after {@link #FIRST_DAY}. */
    public static Article published(int n, String... tags) {
        Instant at = FIRST_DAY.plusSeconds(86_400L * n);
        return new Article("article-" + n, "Headline " + n, "Summary " + n, ArticleSchema.PUBLISHED, at, at, at,
                Arrays.stream(tags).map(Tag::of).toList(), List.of(new Author("Writer " + n, "writer-" + n)),
                new Image("images/hero-" + n + ".png", "Alt " + n, "Caption " + n, null, 1200, 675, "image/png"),
                List.of(Block.paragraph("Paragraph of article " + n), Block.quote("A quote", "Someone")),
                1, true, n, 1);
    }

    /** Stores an article as the editor does: the article, and when published its list items. */
    public static void store(DynamoDbClient dynamoDb, String table, Article article) {
        dynamoDb.putItem(request -> request.tableName(table).item(ArticleItems.toItem(article)));
        if (article.isPublished()) {
            ArticleItems.toListItems(article).forEach(item -> dynamoDb.putItem(request -> request.tableName(table).item(item)));
        }
    }

    public static Article unpublished(int n) {
        Article article = published(n);
        return new Article(article.slug(), article.headline(), article.summary(), "unpublished", article.publishedAt(),
                article.updatedAt(), article.listedAt(), article.tags(), article.authors(), article.heroImage(), article.body(),
                article.readingTimeMinutes(), false, 0, 2);
    }
}
