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
import java.time.Instant;
import java.time.ZoneOffset;
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
        SampleArticles.store(aws.dynamoDb(), table, article);
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
    void aTagPageIsOneQueryOfThatTagsItemsWhateverItsFrequency() {
        for (int n = 0; n < 30; n++) {
            put(SampleArticles.published(n, n % 10 == 3 ? "rare" : "common", "world"));
        }

        ArticlePage rare = repository.listPublished("rare", 20, null);
        ArticlePage common = repository.listPublished("common", 20, null);
        ArticlePage commonRest = repository.listPublished("common", 20, common.next());

        // The rare tag's 3 articles in one page, with no cursor: no empty pages to walk through.
        assertEquals(List.of("article-23", "article-13", "article-3"), slugs(rare));
        assertNull(rare.next());
        assertEquals(20, common.articles().size());
        assertEquals(List.of("article-7", "article-6", "article-5", "article-4", "article-2", "article-1", "article-0"),
                slugs(commonRest));
        assertNull(commonRest.next());
        // A list item is the list entry, not the article: its fields, no body.
        Article entry = rare.articles().get(0);
        Article stored = SampleArticles.published(23, "rare", "world");
        assertEquals(stored.headline(), entry.headline());
        assertEquals(stored.tags(), entry.tags());
        assertEquals(stored.authors(), entry.authors());
        assertEquals(stored.heroImage().key(), entry.heroImage().key());
        assertEquals(stored.commentCount(), entry.commentCount());
        assertEquals(List.of(), entry.body());
    }

    @Test
    void anUnknownTagIsAnEmptyPageWithoutCursor() {
        put(SampleArticles.published(1, "world"));

        ArticlePage page = repository.listPublished("no-such-tag", 20, null);

        assertEquals(List.of(), page.articles());
        assertNull(page.next());
    }

    @Test
    void anArticleReDatedWhileAReaderPagesIsNotReturnedTwice() {
        for (int n = 0; n < 6; n++) {
            put(SampleArticles.published(n));
        }
        Instant pagingStarts = Instant.parse("2026-11-29T08:00:30Z");
        DynamoArticleRepository atTheStart = new DynamoArticleRepository(aws.dynamoDb(), table,
                Clock.fixed(pagingStarts, ZoneOffset.UTC));
        ArticlePage first = atTheStart.listPublished(null, 3, null);
        assertEquals(List.of("article-5", "article-4", "article-3"), slugs(first));

        // An editor moves article-4 back in time, to before article-0, while the reader pages on.
        Article moved = SampleArticles.published(4);
        put(new Article(moved.slug(), moved.headline(), moved.summary(), moved.status(), SampleArticles.FIRST_DAY.minusSeconds(60),
                pagingStarts.plusSeconds(20), pagingStarts.plusSeconds(20), moved.tags(), moved.authors(), moved.heroImage(),
                moved.body(), moved.readingTimeMinutes(), true, 0, 2));
        ArticlePage second = atTheStart.listPublished(null, 3, first.next());

        assertEquals(List.of("article-2", "article-1", "article-0"), slugs(second));
        assertNull(second.next());
        // A reader starting now finds it in its new place.
        List<String> fresh = slugs(repository.listPublished(null, 10, null));
        assertEquals("article-4", fresh.get(fresh.size() - 1));
    }
}
