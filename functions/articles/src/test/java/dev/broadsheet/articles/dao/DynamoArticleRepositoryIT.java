package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository against the articles table as template.yaml defines it, in the local emulators. */
@ExtendWith(EmulatorsExtension.class)
class DynamoArticleRepositoryIT {

    private final LocalAws aws;
    private final String table;
    private final DynamoArticleRepository repository;

    DynamoArticleRepositoryIT(LocalAws aws) {
        this.aws = aws;
        this.table = aws.physicalNames().get("ArticlesTable");
        this.repository = new DynamoArticleRepository(aws.dynamoDb(), table, Clock.systemUTC());
    }

    @BeforeEach
    void emptyTables() {
        aws.reset();
    }

    private void put(Article article) {
        aws.dynamoDb().putItem(request -> request.tableName(table).item(ArticleItems.toItem(article)));
    }

    private static List<String> slugs(ArticlePage page) {
        return page.articles().stream().map(Article::slug).toList();
    }

    @Test
    void getsAPublishedArticleWithEverythingItStored() {
        Article stored = SampleArticles.published(3, "world", "syria");
        put(stored);

        assertEquals(stored, repository.findPublished("article-3").orElseThrow());
        assertTrue(repository.findPublished("article-4").isEmpty());
    }

    @Test
    void unpublishedArticlesAreInvisibleToGetAndList() {
        put(SampleArticles.published(1));
        put(SampleArticles.unpublished(2));

        assertTrue(repository.findPublished("article-2").isEmpty());
        assertEquals(List.of("article-1"), slugs(repository.listPublished(null, 10, null)));
    }

    @Test
    void listsNewestFirstAcrossPages() {
        // Inserted out of order: the index, not insertion, must give the order.
        for (int n : new int[] {4, 0, 6, 2, 5, 1, 3}) {
            put(SampleArticles.published(n));
        }

        List<String> seen = new ArrayList<>();
        FeedPosition next = null;
        int pages = 0;
        do {
            ArticlePage page = repository.listPublished(null, 3, next);
            seen.addAll(slugs(page));
            next = page.next();
            pages++;
        } while (next != null && pages < 10);

        assertEquals(3, pages);
        assertEquals(List.of("article-6", "article-5", "article-4", "article-3", "article-2", "article-1", "article-0"), seen);
    }

    @Test
    void aFullLastPageHasNoCursor() {
        for (int n = 0; n < 4; n++) {
            put(SampleArticles.published(n));
        }

        ArticlePage page = repository.listPublished(null, 4, null);

        assertEquals(4, page.articles().size());
        assertNull(page.next());
    }

    @Test
    void filtersByTagAcrossDynamoDbPages() {
        for (int n = 0; n < 12; n++) {
            put(SampleArticles.published(n, n % 4 == 0 ? "syria" : "sport"));
        }
        // Pages of 2 items force the filter to read several DynamoDB pages per request.
        DynamoArticleRepository smallPages = new DynamoArticleRepository(aws.dynamoDb(), table, 2, Clock.systemUTC());

        ArticlePage first = smallPages.listPublished("syria", 2, null);
        ArticlePage second = smallPages.listPublished("syria", 2, first.next());

        assertEquals(List.of("article-8", "article-4"), slugs(first));
        assertEquals(List.of("article-0"), slugs(second));
        assertNull(second.next());
    }

    @Test
    void aRareTagStopsAtTheReadBudgetWithACursorThatGoesOn() {
        for (int n = 0; n < 20; n++) {
            put(SampleArticles.published(n, n == 0 ? "rare" : "common"));
        }
        DynamoArticleRepository smallPages = new DynamoArticleRepository(aws.dynamoDb(), table, 2, Clock.systemUTC());

        ArticlePage first = smallPages.listPublished("rare", 5, null);
        ArticlePage rest = smallPages.listPublished("rare", 5, first.next());

        // 8 pages of 2 examined articles 19..4 without a match: nothing yet, and a cursor.
        assertEquals(List.of(), slugs(first));
        assertEquals("article-4", first.next().slug());
        assertEquals(List.of("article-0"), slugs(rest));
        assertNull(rest.next());
    }
}
