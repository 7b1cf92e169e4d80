package dev.broadsheet.articles.model;

import dev.broadsheet.core.schema.ArticleSchema;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored: what an editor published, plus the counters the system keeps.
 *
 * @param status       {@code published}, {@code draft} or {@code unpublished}; only published
 *                     articles are served, from their {@code publishedAt} on ({@link ArticleSchema#isPublishedAt})
 * @param commentsOpen whether readers may comment (editors close comments per article)
 * @param version      incremented by every editor write, which is conditional on it (no lost update)
 */
public record Article(
        String slug,
        String headline,
        String summary,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        List<String> tags,
        Image heroImage,
        List<Block> body,
        boolean commentsOpen,
        long commentCount,
        long version) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        body = body == null ? List.of() : List.copyOf(body);
    }

    /** Whether an editor published it (it may still be scheduled: see {@link #isPublishedAt}). */
    public boolean isPublished() {
        return ArticleSchema.isPublished(status);
    }

    /** Whether readers may see it at this instant. */
    public boolean isPublishedAt(Instant now) {
        return ArticleSchema.isPublishedAt(status, publishedAt, now);
    }
}
