package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.CommentSchema;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.s;

/** The comments, guards and articles tables, as the comment routes use them. */
public final class DynamoComments {

    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public record Tables(String articles, String comments, String guards) {
    }

    /** A single-use or time-limited marker in the guards table, claimed by the submission. */
    public record Guard(String pk, Instant expiresAt) {
    }

    /** What stopped a submission's write: the first guard already taken, in the order given. */
    public static final class GuardTaken extends RuntimeException {
        private final Guard guard;

        GuardTaken(Guard guard) {
            super(guard.pk(), null, false, false);
            this.guard = guard;
        }

        public Guard guard() {
            return guard;
        }
    }

    public record Page(List<Comment> comments, String lastId) {
    }

    public DynamoComments(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    public Optional<ArticleState> article(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.articles())
                .key(ArticleSchema.key(slug))
                .projectionExpression("#slug, #status, #open, #publishedAt, #lists, #version")
                .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG, "#status", ArticleSchema.STATUS,
                        "#open", ArticleSchema.COMMENTS_OPEN, "#publishedAt", ArticleSchema.PUBLISHED_AT,
                        "#lists", ArticleSchema.LISTS, "#version", ArticleSchema.VERSION))).item();
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        AttributeValue lists = item.get(ArticleSchema.LISTS);
        return Optional.of(new ArticleState(slug, ArticleSchema.isPublished(item), ArticleSchema.commentsOpen(item),
                Items.instant(item, ArticleSchema.PUBLISHED_AT),
                lists == null ? List.of() : lists.l().stream().map(AttributeValue::s).toList(),
                Items.number(item, ArticleSchema.VERSION)));
    }

    public Optional<Comment> comment(String slug, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.comments())
                .key(CommentSchema.key(slug, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CommentItems.fromItem(item));
    }

    public boolean hasApprovedComment(String emailHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.guards())
                .key(Map.of("pk", s(GuardSchema.APPROVED_EMAIL + emailHash))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    /** Whether a guard is held: present, and without an expiry or not yet expired. */
    public boolean guardTaken(String pk, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.guards())
                .key(Map.of("pk", s(pk))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return false;
        }
        return !item.containsKey("expiresAt") || Long.parseLong(item.get("expiresAt").n()) > now.getEpochSecond();
    }

    /** When a guard that is still taken frees up; null when it is free. */
    public Instant guardExpiry(String pk, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.guards())
                .key(Map.of("pk", s(pk))).consistentRead(true)).item();
        if (item == null || !item.containsKey("expiresAt")) {
            return null;
        }
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()));
        return expiry.isAfter(now) ? expiry : null;
    }

    /**
     * Stores a comment in one transaction with its guards: each guard is claimed only if absent or
     * expired (TTL deletion lags, so expiry is checked here), and if the comment is approved the
     * article's {@code commentCount} (and its list items') grows with it. Nothing is written when
     * any guard is taken.
     *
     * @param article the article as read, for the count; read again if an editor changed it meanwhile
     * @throws GuardTaken naming the first guard (in the given order) that was already taken
     */
    public void store(Comment comment, ArticleState article, List<Guard> guards, Instant now) {
        ArticleState current = article;
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Guard guard : guards) {
                writes.add(claim(guard, now));
            }
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(tables.comments())
                    .item(CommentItems.toItem(comment))
                    .conditionExpression("attribute_not_exists(commentId)")).build());
            int counters = writes.size();
            if (comment.status() == CommentStatus.APPROVED) {
                writes.addAll(approvalWrites(tables, current, comment.emailHash()));
            }
            try {
                dynamoDb.transactWriteItems(tx -> tx.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < guards.size() && i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        throw new GuardTaken(guards.get(i));
                    }
                }
                // An editor re-published the article meanwhile: its list items may have changed.
                boolean moved = ArticleCounters.articleMoved(reasons, counters, writes.size() - counters);
                // In AWS, another transaction on the same article (a concurrent approval) cancels
                // this one with TransactionConflict: nothing was written, so it is safe to retry.
                boolean conflict = reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if ((!moved && !conflict) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                if (moved) {
                    current = article(comment.articleSlug()).orElseThrow(() -> e);
                }
            }
        }
    }

    /** Claims one guard on its own (a honeypot submission still uses up its challenge). */
    public void claimAlone(Guard guard, Instant now) {
        try {
            dynamoDb.putItem(put -> put.tableName(tables.guards()).item(guardItem(guard))
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            throw new GuardTaken(guard);
        }
    }

    /**
     * The public list of an article's comments, oldest first, after the given id: one Query of
     * {@code limit + 1} items of the sparse {@code listedIn-commentId} index, which holds only the
     * approved comments and the placeholders of removed comments that have listed replies (a
     * comment whose status is not approved, in the page).
     */
    public Page approved(String slug, int limit, String afterId) {
        QueryResponse response = dynamoDb.query(query -> query.tableName(tables.comments())
                .indexName(CommentSchema.LISTED_INDEX)
                .keyConditionExpression("listedIn = :slug")
                .expressionAttributeValues(Map.of(":slug", s(slug)))
                .limit(limit + 1)
                .exclusiveStartKey(afterId == null ? null
                        : Map.of(CommentSchema.LISTED_IN, s(slug), CommentSchema.ARTICLE_SLUG, s(slug),
                                CommentSchema.COMMENT_ID, s(afterId))));
        List<Comment> found = response.items().stream().map(CommentItems::fromItem).toList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Comment> page = List.copyOf(found.subList(0, limit));
        return new Page(page, page.get(limit - 1).id());
    }

    /** The writes that go with a comment becoming approved: the article's count (and its list items'), the email's record. */
    public static List<TransactWriteItem> approvalWrites(Tables tables, ArticleState article, String emailHash) {
        List<TransactWriteItem> writes = new ArrayList<>(ArticleCounters.count(tables.articles(), article, 1));
        if (emailHash != null) {
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(tables.guards())
                    .item(Map.of("pk", s(GuardSchema.APPROVED_EMAIL + emailHash)))).build());
        }
        return writes;
    }

    private TransactWriteItem claim(Guard guard, Instant now) {
        if (guard.expiresAt() == null) {
            return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                    .conditionExpression("attribute_not_exists(pk)")).build();
        }
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))).build();
    }

    private static Map<String, AttributeValue> guardItem(Guard guard) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(guard.pk()));
        if (guard.expiresAt() != null) {
            item.put("expiresAt", n(guard.expiresAt().getEpochSecond()));
        }
        return item;
    }

}
