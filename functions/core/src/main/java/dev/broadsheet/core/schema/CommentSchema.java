package dev.broadsheet.core.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The comments table: key {@code articleSlug} + {@code commentId} (time-ordered ids, so a query of
 * one article lists its comments oldest first), and the {@code status-createdAt} index, the
 * moderation queue. {@code email}, {@code emailHash}, {@code authorHash} and {@code ipHash} never leave the table.
 */
public final class CommentSchema {

    public static final String ARTICLE_SLUG = "articleSlug";
    public static final String COMMENT_ID = "commentId";
    public static final String PARENT_ID = "parentId";
    public static final String AUTHOR_NAME = "authorName";
    public static final String AUTHOR_URL = "authorUrl";
    public static final String EMAIL = "email";
    /** Keyed hash of the email's key form (lower-case, no +tag, no Gmail dots, no invisible characters). */
    public static final String EMAIL_HASH = "emailHash";
    /** Keyed hash of the author's name and email together: their standing for first-time moderation. */
    public static final String AUTHOR_HASH = "authorHash";
    public static final String IP_HASH = "ipHash";
    public static final String CONTENT_HTML = "contentHtml";
    public static final String STATUS = "status";
    public static final String DEPTH = "depth";
    /** A {@link Timestamps} value: the status index's sort key. */
    public static final String CREATED_AT = "createdAt";
    public static final String HELD_BECAUSE = "heldBecause";
    /** The guards-table key of the comment's duplicate marker, so trashing the comment can free its text. */
    public static final String DUPLICATE_GUARD = "duplicateGuard";

    public static final String STATUS_INDEX = "status-createdAt";

    private CommentSchema() {
    }

    public static Map<String, AttributeValue> key(String slug, String id) {
        return Map.of(ARTICLE_SLUG, Items.s(slug), COMMENT_ID, Items.s(id));
    }
}
