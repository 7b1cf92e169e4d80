package dev.broadsheet.comments.dao;

import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The article's {@code commentCount} and {@code commentsOpen}, and the copies its list items keep
 * (so a list page shows them without reading the article): the writes that change them together,
 * for a transaction. The article's write is conditional on the version read, which every editor
 * write changes: an article re-tagged meanwhile (a list item more or less) cancels the
 * transaction, and the caller reads the article again and retries.
 */
public final class ArticleCounters {

    private ArticleCounters() {
    }

    /** The article's and its list items' comment count, moved by {@code delta}. */
    public static List<TransactWriteItem> count(String articlesTable, ArticleState article, long delta) {
        return writes(articlesTable, article, "ADD commentCount :value", AttributeValue.fromN(Long.toString(delta)));
    }

    /** Whether the article and its list items say comments are open. */
    public static List<TransactWriteItem> open(String articlesTable, ArticleState article, boolean open) {
        return writes(articlesTable, article, "SET commentsOpen = :value", AttributeValue.fromBool(open));
    }

    private static List<TransactWriteItem> writes(String table, ArticleState article, String update, AttributeValue value) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(article.slug()))
                .updateExpression(update)
                .conditionExpression("attribute_exists(slug) AND #version = :version")
                .expressionAttributeNames(Map.of("#version", ArticleSchema.VERSION))
                .expressionAttributeValues(Map.of(":value", value,
                        ":version", AttributeValue.fromN(Long.toString(article.version()))))).build());
        for (String list : article.lists()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
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
