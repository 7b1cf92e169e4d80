package dev.broadsheet.articles.dao;

import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;

import java.util.Optional;

/** Reads published articles. */
public interface ArticleRepository {

    /** The article with this slug, if it exists and is published. */
    Optional<Article> findPublished(String slug);

    /**
     * Published articles, newest first; at most {@code limit}, and a next position only when more follow.
     *
     * @param tag   only articles with this tag; null for all
     * @param after continue after this position; null for the first page
     */
    ArticlePage listPublished(String tag, int limit, FeedPosition after);
}
