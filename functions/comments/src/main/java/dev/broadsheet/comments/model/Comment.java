package dev.broadsheet.comments.model;

import dev.broadsheet.core.schema.CommentStatus;

import java.time.Instant;

/**
 * A stored comment. {@code email}, {@code emailHash}, {@code authorHash} and {@code ipHash} stay in
 * the table: no public view carries them.
 *
 * @param emailHash  keyed hash of the email's key form ({@link Emails#forKeys})
 * @param authorHash keyed hash of the name and email together: the author's standing for first-time moderation
 * @param ipHash     keyed hash of the client address (never stored in clear); bans by address use it
 * @param depth 1 for a comment on the article, parent's depth + 1 for a reply
 * @param heldBecause why moderation held it or made it spam (editors only); null when approved at once
 * @param notifyReplies the author asked to be told of replies by mail
 */
public record Comment(String articleSlug, String id, String parentId, String authorName, String authorUrl,
                      String email, String emailHash, String authorHash, String ipHash, String contentHtml, CommentStatus status,
                      int depth, Instant createdAt, String heldBecause, boolean notifyReplies) {

    /** A comment whose author did not ask to be told of replies. */
    public Comment(String articleSlug, String id, String parentId, String authorName, String authorUrl,
                   String email, String emailHash, String authorHash, String ipHash, String contentHtml, CommentStatus status,
                   int depth, Instant createdAt, String heldBecause) {
        this(articleSlug, id, parentId, authorName, authorUrl, email, emailHash, authorHash, ipHash, contentHtml, status,
                depth, createdAt, heldBecause, false);
    }

    /** Whether storing or approving it causes mail: its author's ask to be notified, or a reply that is published. */
    public boolean causesMail() {
        return notifyReplies || (status == CommentStatus.APPROVED && parentId != null);
    }
}
