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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.broadsheet.core.schema.Items.n;
import static dev.broadsheet.core.schema.Items.s;

/** The comments, guards and articles tables, as the comment routes use them. */
public final class DynamoComments {

    /** A filtered query may come back short; the comments feed reads at most this many pages. */
    private static final int MAX_PAGES = 5;
    private static final int MAX_ATTEMPTS = 3;
    /** An expiring counter: its window is in its key; TTL deletes it after the window ends. */
    private static final String COUNT_UPDATE = "ADD #n :one SET expiresAt = :end";
    private static final String COUNT_CONDITION = "attribute_not_exists(#n) OR #n < :limit";

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public record Tables(String articles, String comments, String guards) {
    }

    /**
     * A marker in the guards table, claimed by a submission: single-use (a nonce, a duplicate),
     * time-limited (a flood marker: free again after {@code expiresAt}), or an expiring counter
     * ({@code limit} > 0: taken once it has counted {@code limit}; its key names its time window,
     * which ends at {@code expiresAt}).
     */
    public record Guard(String pk, Instant expiresAt, int limit) {

        public Guard(String pk, Instant expiresAt) {
            this(pk, expiresAt, 0);
        }

        public static Guard counter(String pk, Instant windowEnd, int limit) {
            return new Guard(pk, windowEnd, limit);
        }

        public boolean isCounter() {
            return limit > 0;
        }
    }

    /**
     * What the guards table says about a submission's author: an approval of this name and email
     * not withdrawn by a later spam decision on the email, and bans of the email or the address.
     */
    public record Standing(boolean knownAuthor, boolean bannedEmail, boolean bannedAddress) {
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

    /** @param now what "published now" is measured against ({@link ArticleSchema#isPublishedAt}): a scheduled article is not open to comments */
    public Optional<ArticleState> article(String slug, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.articles())
                .key(ArticleSchema.key(slug))
                .projectionExpression("#slug, #status, #open, #publishedAt, #headline, #lists, #version")
                .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG, "#status", ArticleSchema.STATUS,
                        "#open", ArticleSchema.COMMENTS_OPEN, "#publishedAt", ArticleSchema.PUBLISHED_AT,
                        "#headline", ArticleSchema.HEADLINE, "#lists", ArticleSchema.LISTS, "#version", ArticleSchema.VERSION))).item();
        if (Items.isMissing(item)) {
            return Optional.empty();
        }
        AttributeValue lists = item.get(ArticleSchema.LISTS);
        return Optional.of(new ArticleState(slug, ArticleSchema.isPublishedAt(item, now), ArticleSchema.commentsOpen(item),
                Items.instant(item, ArticleSchema.PUBLISHED_AT), Items.string(item, ArticleSchema.HEADLINE),
                lists == null ? List.of() : lists.l().stream().map(AttributeValue::s).toList(),
                Items.number(item, ArticleSchema.VERSION)));
    }

    public Optional<Comment> comment(String slug, String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tables.comments())
                .key(CommentSchema.key(slug, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CommentItems.fromItem(item));
    }

    /** The author's standing and bans, in one consistent BatchGetItem of four guard keys. */
    public Standing standing(String authorHash, String emailHash, String emailForKeys, String ipHash) {
        String approved = GuardSchema.APPROVED_AUTHOR + authorHash;
        String spam = GuardSchema.SPAM_EMAIL + emailHash;
        String bannedEmail = GuardSchema.BANNED_EMAIL + emailForKeys;
        String bannedAddress = GuardSchema.BANNED_ADDRESS + ipHash;
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(tables.guards(), KeysAndAttributes.builder().consistentRead(true)
                .keys(Stream.of(approved, spam, bannedEmail, bannedAddress).map(GuardSchema::key).toList()).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(pending));
            response.responses().getOrDefault(tables.guards(), List.of()).forEach(item -> found.put(item.get(GuardSchema.PK).s(), item));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        long approvedAt = at(found.get(approved));
        boolean known = found.containsKey(approved) && (!found.containsKey(spam) || approvedAt > at(found.get(spam)));
        return new Standing(known, found.containsKey(bannedEmail), found.containsKey(bannedAddress));
    }

    private static long at(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey(GuardSchema.AT) ? 0 : Items.number(item, GuardSchema.AT);
    }

    /**
     * Counts one more use of an expiring counter, refused once it has counted its limit (the
     * challenge route's per-client limit; submissions count theirs in their transaction).
     *
     * @throws GuardTaken when the counter is at its limit; nothing is counted then
     */
    public void count(Guard counter) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tables.guards()).key(GuardSchema.key(counter.pk()))
                    .updateExpression(COUNT_UPDATE).conditionExpression(COUNT_CONDITION)
                    .expressionAttributeNames(Map.of("#n", GuardSchema.COUNT)).expressionAttributeValues(countValues(counter)));
        } catch (ConditionalCheckFailedException e) {
            throw new GuardTaken(counter);
        }
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
                writes.addAll(approvalWrites(tables, current, comment.authorHash(), now));
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
                    current = article(comment.articleSlug(), now).orElseThrow(() -> e);
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
     * The newest approved comments of an article, newest first (comment ids sort by time), for the
     * comments feed: pages of the article's comments, newest first, filtered to approved, until
     * {@code limit} are found or the read budget is spent.
     */
    public List<Comment> latestApproved(String slug, int limit) {
        List<Comment> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_PAGES && found.size() < limit; page++) {
            QueryResponse response = approvedPage(slug, startKey, false);
            response.items().stream().limit(limit - found.size()).forEach(item -> found.add(CommentItems.fromItem(item)));
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            startKey = response.lastEvaluatedKey();
        }
        return List.copyOf(found);
    }

    /** One page of an article's comments (ids sort by time), filtered to the approved ones. */
    private QueryResponse approvedPage(String slug, Map<String, AttributeValue> startKey, boolean oldestFirst) {
        return dynamoDb.query(query -> query.tableName(tables.comments())
                .keyConditionExpression("articleSlug = :slug")
                .filterExpression("#status = :approved")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":slug", s(slug), ":approved", s(CommentStatus.APPROVED.value())))
                .scanIndexForward(oldestFirst)
                .limit(100)
                .exclusiveStartKey(startKey));
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

    /** The writes that go with a comment becoming approved: the article's count (and its list items'), the author's standing. */
    public static List<TransactWriteItem> approvalWrites(Tables tables, ArticleState article, String authorHash, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>(ArticleCounters.count(tables.articles(), article, 1));
        if (authorHash != null) {
            writes.add(standingWrite(tables, GuardSchema.APPROVED_AUTHOR + authorHash, now));
        }
        return writes;
    }

    /** A standing record ({@code approved-author#}, {@code spam-email#}): its key and when it was decided. */
    public static TransactWriteItem standingWrite(Tables tables, String pk, Instant now) {
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards())
                .item(Map.of(GuardSchema.PK, s(pk), GuardSchema.AT, n(now.toEpochMilli())))).build();
    }

    private TransactWriteItem claim(Guard guard, Instant now) {
        if (guard.isCounter()) {
            return TransactWriteItem.builder().update(update -> update.tableName(tables.guards()).key(GuardSchema.key(guard.pk()))
                    .updateExpression(COUNT_UPDATE).conditionExpression(COUNT_CONDITION)
                    .expressionAttributeNames(Map.of("#n", GuardSchema.COUNT)).expressionAttributeValues(countValues(guard))).build();
        }
        if (guard.expiresAt() == null) {
            return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                    .conditionExpression("attribute_not_exists(pk)")).build();
        }
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards()).item(guardItem(guard))
                .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))).build();
    }

    private static Map<String, AttributeValue> countValues(Guard counter) {
        return Map.of(":one", n(1), ":limit", n(counter.limit()), ":end", n(counter.expiresAt().getEpochSecond()));
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
