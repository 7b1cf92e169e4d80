package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static dev.broadsheet.core.schema.CommentSchema.*;
import static dev.broadsheet.core.schema.Items.putIfPresent;
import static dev.broadsheet.core.schema.Items.s;
import static dev.broadsheet.core.schema.Items.string;

/** Comments to items of the comments table ({@link dev.broadsheet.core.schema.CommentSchema}) and back. */
public final class CommentItems {

    private CommentItems() {
    }

    public static Map<String, AttributeValue> toItem(Comment comment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ARTICLE_SLUG, s(comment.articleSlug()));
        item.put(COMMENT_ID, s(comment.id()));
        putIfPresent(item, PARENT_ID, comment.parentId());
        item.put(AUTHOR_NAME, s(comment.authorName()));
        putIfPresent(item, AUTHOR_URL, comment.authorUrl());
        // An imported comment may have no email, and has no keyed hashes (the importer does not hold the secret).
        putIfPresent(item, EMAIL, comment.email());
        putIfPresent(item, EMAIL_HASH, comment.emailHash());
        putIfPresent(item, AUTHOR_HASH, comment.authorHash());
        putIfPresent(item, IP_HASH, comment.ipHash());
        item.put(CONTENT_HTML, s(comment.contentHtml()));
        item.put(STATUS, s(comment.status().value()));
        if (comment.status() == CommentStatus.APPROVED) {
            item.put(LISTED_IN, s(comment.articleSlug()));
        }
        item.put(DEPTH, Items.n(comment.depth()));
        item.put(CREATED_AT, Items.time(comment.createdAt()));
        putIfPresent(item, HELD_BECAUSE, comment.heldBecause());
        if (comment.notifyReplies()) {
            item.put(NOTIFY, Items.bool(true));
        }
        return item;
    }

    public static Comment fromItem(Map<String, AttributeValue> item) {
        return new Comment(string(item, ARTICLE_SLUG), string(item, COMMENT_ID), string(item, PARENT_ID),
                string(item, AUTHOR_NAME), string(item, AUTHOR_URL), string(item, EMAIL), string(item, EMAIL_HASH),
                string(item, AUTHOR_HASH), string(item, IP_HASH), string(item, CONTENT_HTML), CommentStatus.of(string(item, STATUS)),
                item.containsKey(DEPTH) ? (int) Items.number(item, DEPTH) : 1,
                Items.instant(item, CREATED_AT), string(item, HELD_BECAUSE), Items.bool(item, NOTIFY, false));
    }
}
