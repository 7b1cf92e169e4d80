package dev.broadsheet.comments.model;

import dev.broadsheet.core.schema.CommentStatus;

import java.time.Instant;

/**
 * A stored comment. {@code email}, {@code emailHash} and {@code ipHash} stay in the table: no
 * public view carries them.
 *
 * @param depth 1 for a comment on the article, parent's depth + 1 for a reply
 * @param heldBecause why moderation held it or made it spam (editors only); null when approved at once
 */
public record Comment(String articleSlug, String id, String parentId, String authorName, String authorUrl,
                      String email, String emailHash, String ipHash, String contentHtml, CommentStatus status,
                      int depth, Instant createdAt, String heldBecause) {
}
