package dev.broadsheet.articles.handler;

import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.core.schema.ArticleSchema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake of the articles table for handler tests: same contract, a list in memory. */
final class InMemoryArticleRepository implements ArticleRepository {

    private static final Comparator<Article> NEWEST_FIRST =
            Comparator.comparing(Article::publishedAt).thenComparing(Article::slug).reversed();

    private final Map<String, Article> articles = new LinkedHashMap<>();
    private final Clock clock;
    private RuntimeException failure;

    InMemoryArticleRepository() {
        this(Clock.systemUTC());
    }

    /** @param clock what "published now" is measured against, as the table's repository does */
    InMemoryArticleRepository(Clock clock) {
        this.clock = clock;
    }

    InMemoryArticleRepository add(Article article) {
        articles.put(article.slug(), article);
        return this;
    }

    /** Makes every call fail, as an unreachable table would. */
    void failWith(RuntimeException e) {
        failure = e;
    }

    @Override
    public Optional<Article> findPublished(String slug) {
        failIfAsked();
        return Optional.ofNullable(articles.get(slug)).filter(article -> article.isPublishedAt(clock.instant()));
    }

    @Override
    public ArticlePage listPublished(String tag, int limit, FeedPosition after) {
        failIfAsked();
        List<Article> feed = new ArrayList<>(publishedNow()
                .filter(article -> tag == null || article.tagSlugs().contains(tag))
                .toList());
        if (after != null) {
            feed.removeIf(article -> NEWEST_FIRST.compare(article, positionOf(after)) <= 0);
        }
        if (feed.size() <= limit) {
            return new ArticlePage(feed, null);
        }
        Article last = feed.get(limit - 1);
        return new ArticlePage(feed.subList(0, limit), new FeedPosition(last.publishedAt(), last.slug(), null));
    }

    @Override
    public List<Article> newest(int limit) {
        return listPublished(null, limit, null).articles();
    }

    @Override
    public List<Article> publishedWithin(Duration window, int max) {
        failIfAsked();
        Instant since = window == null ? Instant.MIN : clock.instant().minus(window);
        return publishedNow().filter(article -> !article.publishedAt().isBefore(since)).limit(max).toList();
    }

    @Override
    public List<Article> publishedBetween(Instant from, Instant until, int max) {
        failIfAsked();
        return publishedNow().filter(article -> !article.publishedAt().isBefore(from) && article.publishedAt().isBefore(until))
                .limit(max).toList();
    }

    @Override
    public Optional<Instant> firstPublishedAt() {
        failIfAsked();
        return publishedNow().map(Article::publishedAt).min(Instant::compareTo);
    }

    private java.util.stream.Stream<Article> publishedNow() {
        Instant now = clock.instant();
        return articles.values().stream().filter(article -> article.isPublishedAt(now)).sorted(NEWEST_FIRST);
    }

    private static Article positionOf(FeedPosition position) {
        return new Article(position.slug(), null, null, ArticleSchema.PUBLISHED, position.publishedAt(), null, null,
                null, null, null, null, 0, false, 0, 0);
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
