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
    /**
     * The public list: sparse, only items with {@code listedIn} (the article's slug) are in it —
     * approved comments, and placeholders of removed ones that have listed replies.
     */
    public static final String LISTED_INDEX = "listedIn-commentId";
    public static final String LISTED_IN = "listedIn";

    /** The reader asked to be told of replies to this comment by mail ({@code notify} on the form); BOOL. */
    public static final String NOTIFY = "notify";
    /** Set once the comment's ask to be notified was handled (a confirmation sent or not needed). */
    public static final String NOTIFY_HANDLED = "notifyHandled";
    /**
     * The mail outbox: a comment that has mail to cause carries {@code mailQueue} ({@value #MAIL_DUE})
     * and {@code mailDueAt} (a {@link Timestamps} value), set in the same write that stores or
     * approves it — a reader's ask to be notified, or an approved reply whose parent's author may
     * want to know. The sparse index {@value #MAIL_INDEX} holds only such comments; the notification
     * function reads it and removes both attributes once the mail is handled.
     */
    public static final String MAIL_QUEUE = "mailQueue";
    public static final String MAIL_DUE_AT = "mailDueAt";
    public static final String MAIL_DUE = "due";
    public static final String MAIL_INDEX = "mailQueue-mailDueAt";

    private CommentSchema() {
    }

    public static Map<String, AttributeValue> key(String slug, String id) {
        return Map.of(ARTICLE_SLUG, Items.s(slug), COMMENT_ID, Items.s(id));
    }
}
