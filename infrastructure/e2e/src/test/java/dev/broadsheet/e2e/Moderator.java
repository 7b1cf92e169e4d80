package dev.broadsheet.e2e;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.emulators.LocalAws;

import java.util.List;

/**
 * Approves comments the way an editor does: through the comments module's {@link Moderation}
 * (what {@code broadsheet comments approve} calls), against the local API's emulators.
 */
final class Moderator {

    private final Moderation moderation;

    private Moderator(Moderation moderation) {
        this.moderation = moderation;
    }

    static Moderator of(LocalAws aws) {
        return new Moderator(new Moderation(aws.dynamoDb(), new DynamoComments.Tables(
                aws.physicalNames().get("ArticlesTable"), aws.physicalNames().get("CommentsTable"),
                aws.physicalNames().get("GuardsTable"))));
    }

    /** The moderation ids of the article's pending comments by this email, oldest first. */
    List<String> pendingBy(String slug, String email) {
        return moderation.pending(slug).stream()
                .filter(comment -> email.equals(comment.email()))
                .map(Moderation.PendingComment::moderationId)
                .toList();
    }

    /** Takes a comment out of the list (its moderation id, {@code <slug>/<id>}). */
    void trash(String moderationId) {
        Moderation.Result result = moderation.trash(moderationId);
        if (result != Moderation.Result.CHANGED) {
            throw new AssertionError("Trashing " + moderationId + " answered " + result);
        }
    }

    /** Approves the one pending comment of the article by this email. */
    void approveOnlyPendingBy(String slug, String email) {
        List<String> ids = pendingBy(slug, email);
        if (ids.size() != 1) {
            throw new AssertionError("Expected one pending comment by " + email + ", found " + ids);
        }
        Moderation.Result result = moderation.approve(ids.get(0));
        if (result != Moderation.Result.CHANGED) {
            throw new AssertionError("Approving " + ids.get(0) + " answered " + result);
        }
    }
}
