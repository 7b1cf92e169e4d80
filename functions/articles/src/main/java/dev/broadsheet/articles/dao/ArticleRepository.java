package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads published articles: those {@link dev.broadsheet.core.schema.ArticleSchema#isPublishedAt
 * published now}, by the repository's clock. A scheduled article is in none of the answers until its time.
 */
public interface ArticleRepository {

    /** The article with this slug, if it exists and is published now. */
    Optional<Article> findPublished(String slug);

    /**
     * Published articles, newest first; at most {@code limit}, and a next position only when more follow.
     *
     * @param tag   only articles with this tag; null for all
     * @param after continue after this position; null for the first page
     */
    ArticlePage listPublished(String tag, int limit, FeedPosition after);

    /** The newest published articles, whole (bodies included), newest first: the RSS feed. */
    List<Article> newest(int limit);

    /**
     * Articles published within {@code window} before now (null: ever), newest first, at most
     * {@code max}: slug, headline, publishedAt and updatedAt only (no body), for sitemaps.
     */
    List<Article> publishedWithin(Duration window, int max);

    /**
     * Articles published at or after {@code from} and before {@code until} (and not after now),
     * newest first, at most {@code max}: lean, as {@link #publishedWithin}; a month's sitemap.
     */
    List<Article> publishedBetween(Instant from, Instant until, int max);

    /** When the oldest article published now was published; empty when none is. */
    Optional<Instant> firstPublishedAt();
}
