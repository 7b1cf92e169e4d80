package dev.broadsheet.articles.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as stored: what an editor published, plus the counters the system keeps.
 *
 * @param status       {@code published}, {@code draft} or {@code unpublished}; only published
 *                     articles are served
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

    public static final String PUBLISHED = "published";

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        body = body == null ? List.of() : List.copyOf(body);
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }
}
