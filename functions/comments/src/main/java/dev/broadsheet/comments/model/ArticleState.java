package dev.broadsheet.comments.model;

import java.time.Instant;

/**
 * The few attributes of an article that comments depend on.
 *
 * @param published published now ({@link dev.broadsheet.core.schema.ArticleSchema#isPublishedAt}): not scheduled for later
 * @param headline  for the comments feed's title
 */
public record ArticleState(String slug, boolean published, boolean commentsOpen, Instant publishedAt, String headline) {
}
