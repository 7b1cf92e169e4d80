package dev.broadsheet.comments.model;

import java.time.Instant;

/** The few attributes of an article that comments depend on. */
public record ArticleState(String slug, boolean published, boolean commentsOpen, Instant publishedAt) {
}
