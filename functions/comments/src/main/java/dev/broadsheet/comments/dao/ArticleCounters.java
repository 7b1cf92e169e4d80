package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article's {@code commentCount}, and the copies its list items keep (so a list page shows
 * it without reading the article): the writes that change them together, for a transaction.
 * ({@code commentsOpen} and its copies are the editor's versioned article write.) The article's write is conditional on the version read, which every editor
 * write changes: an article re-tagged meanwhile (a list item more or less) cancels the
 * transaction, and the caller reads the article again and retries.
 */
public final class ArticleCounters {

    private ArticleCounters() {
    }

    /**
     * A further condition on the article's update (a transaction may touch the article once, so a
     * check of it rides on the update): its names and values must not use {@code #version},
     * {@code :version} or {@code :value}.
     */
    public record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

        static final Condition NONE = new Condition(null, Map.of(), Map.of());

        public Condition {
            names = Map.copyOf(names);
            values = Map.copyOf(values);
        }
    }

    /** The article's and its list items' comment count, moved by {@code delta}. */
    public static List<TransactWriteItem> count(String articlesTable, ArticleState article, long delta) {
        return count(articlesTable, article, delta, Condition.NONE);
    }

    /** The same, only if the article also meets {@code also}: a failure of either reads as {@link #articleMoved}. */
    public static List<TransactWriteItem> count(String articlesTable, ArticleState article, long delta, Condition also) {
        String update = "ADD commentCount :value";
        AttributeValue value = AttributeValue.fromN(Long.toString(delta));
        Map<String, String> names = new HashMap<>(also.names());
        names.put("#version", ArticleSchema.VERSION);
        Map<String, AttributeValue> values = new HashMap<>(also.values());
        values.put(":value", value);
        values.put(":version", AttributeValue.fromN(Long.toString(article.version())));
        String condition = "attribute_exists(slug) AND #version = :version"
                + (also.expression() == null ? "" : " AND (" + also.expression() + ")");
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(articlesTable).key(key(article.slug()))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
        for (String list : article.lists()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(articlesTable)
                    .key(key(ArticleLists.itemKey(list, article.slug())))
                    .updateExpression(update)
                    // Never create a list item: only the editor does, with the article.
                    .conditionExpression("attribute_exists(slug)")
                    .expressionAttributeValues(Map.of(":value", value))).build());
        }
        return writes;
    }

    /** Whether a cancelled transaction failed on these writes (placed from {@code from} on): read the article again. */
    public static boolean articleMoved(List<CancellationReason> reasons, int from, int count) {
        for (int i = from; i < from + count && i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, AttributeValue> key(String slug) {
        return ArticleSchema.key(slug);
    }
}
