package dev.broadsheet.articles.model;

import dev.broadsheet.core.schema.ArticleSchema;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored: what an editor published, plus what the system keeps. A list item holds
 * the same record without a body (see {@code ArticleItems}).
 *
 * @param status             {@code published}, {@code draft} or {@code unpublished}; only published
 *                           articles are served, from their {@code publishedAt} on ({@link ArticleSchema#isPublishedAt})
 * @param listedAt           when the article took its place in the lists (published, or re-dated): pages
 *                           of a list paged since an earlier time skip it, so no reader sees it twice
 * @param tags               in the editor's order; their slugs are what {@code ?tag=} filters by
 * @param readingTimeMinutes from the body's words, computed when published (list items have no body)
 * @param commentsOpen       whether readers may comment (editors close comments per article)
 * @param version            incremented by every editor write, which is conditional on it (no lost update)
 */
public record Article(
        String slug,
        String headline,
        String summary,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        Instant listedAt,
        List<Tag> tags,
        List<Author> authors,
        Image heroImage,
        List<Block> body,
        int readingTimeMinutes,
        boolean commentsOpen,
        long commentCount,
        long version) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        body = body == null ? List.of() : List.copyOf(body);
    }

    /** Whether an editor published it (it may still be scheduled: see {@link #isPublishedAt}). */
    public boolean isPublished() {
        return ArticleSchema.isPublished(status);
    }

    public List<String> tagSlugs() {
        return tags.stream().map(Tag::slug).toList();
    }

    /** Whether readers may see it at this instant. */
    public boolean isPublishedAt(Instant now) {
        return ArticleSchema.isPublishedAt(status, publishedAt, now);
    }
}
