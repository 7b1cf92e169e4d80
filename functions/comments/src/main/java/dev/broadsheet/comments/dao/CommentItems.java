package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Comments to items of the comments table and back, by hand (no bean introspection at cold start). */
public final class CommentItems {

    /** The moderation queue: comments by status, oldest first. */
    public static final String STATUS_INDEX = "status-createdAt";
    /**
     * The public list: sparse, only items with {@code listedIn} (the article's slug) are in it —
     * approved comments, and placeholders of removed ones that have listed replies.
     */
    public static final String LISTED_INDEX = "listedIn-commentId";
    public static final String LISTED_IN = "listedIn";
    /** Guard items: a prefix per kind, the rest a keyed hash or a nonce. */
    public static final String APPROVED_EMAIL = "approved-email#";

    private CommentItems() {
    }

    public static Map<String, AttributeValue> toItem(Comment comment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("articleSlug", s(comment.articleSlug()));
        item.put("commentId", s(comment.id()));
        if (comment.parentId() != null) {
            item.put("parentId", s(comment.parentId()));
        }
        item.put("authorName", s(comment.authorName()));
        if (comment.authorUrl() != null) {
            item.put("authorUrl", s(comment.authorUrl()));
        }
        item.put("email", s(comment.email()));
        item.put("emailHash", s(comment.emailHash()));
        item.put("ipHash", s(comment.ipHash()));
        item.put("contentHtml", s(comment.contentHtml()));
        item.put("status", s(comment.status().value()));
        if (comment.status() == CommentStatus.APPROVED) {
            item.put(LISTED_IN, s(comment.articleSlug()));
        }
        item.put("depth", AttributeValue.fromN(Integer.toString(comment.depth())));
        item.put("createdAt", s(comment.createdAt().toString()));
        if (comment.heldBecause() != null) {
            item.put("heldBecause", s(comment.heldBecause()));
        }
        return item;
    }

    public static Comment fromItem(Map<String, AttributeValue> item) {
        return new Comment(str(item, "articleSlug"), str(item, "commentId"), str(item, "parentId"), str(item, "authorName"),
                str(item, "authorUrl"), str(item, "email"), str(item, "emailHash"), str(item, "ipHash"),
                str(item, "contentHtml"), CommentStatus.of(str(item, "status")),
                item.containsKey("depth") ? Integer.parseInt(item.get("depth").n()) : 1,
                Instant.parse(str(item, "createdAt")), str(item, "heldBecause"));
    }

    public static Map<String, AttributeValue> key(String slug, String id) {
        return Map.of("articleSlug", s(slug), "commentId", s(id));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
