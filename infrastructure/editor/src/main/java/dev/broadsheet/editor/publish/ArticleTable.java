package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's reads and writes of the articles table. Every write — publish, unpublish, comments
 * close and open — is conditional on the version read ({@code attribute_not_exists(slug)} for a new
 * article), sets version + 1 and records who decided what ({@link Decisions}), so a concurrent edit
 * is refused instead of lost, and a publish that read {@code commentsOpen} before a close cannot
 * write it back.
 *
 * <p>Writes are {@code UpdateItem}s that set the editor's fields and leave {@code commentCount}
 * alone: comment approval increments it without touching {@code version}, and a whole-item put
 * would write back the count read before the approval. A field the edit does not mean to change
 * ({@code commentsOpen} when the article JSON leaves it out) is not written either, so a value read
 * earlier is never written back over a newer one.
 */
public final class ArticleTable {

    /** Optional attributes of an article item: removed when an edit leaves them out. */
    private static final List<String> OPTIONAL = List.of(ArticleSchema.SUMMARY, ArticleSchema.FEED,
            ArticleSchema.PUBLISHED_AT, ArticleSchema.HERO_IMAGE);
    private static final String DECISIONS = ArticleSchema.DECISIONS;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ArticleTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public String name() {
        return tableName;
    }

    /** The article, published or not (a strongly consistent read: the version must be the latest). */
    public Optional<StoredArticle> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(ArticleSchema.key(slug)).consistentRead(true)).item();
        return Items.isMissing(item) ? Optional.empty() : Optional.of(stored(item));
    }

    /** Every article, published or not: a paginated, eventually consistent Scan. */
    public List<StoredArticle> list() {
        List<StoredArticle> articles = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName).build()).items()
                .forEach(item -> articles.add(stored(item)));
        return articles;
    }

    /**
     * Writes the article, whose version must be the one read plus one.
     *
     * @param versionRead the stored version this edit started from; 0 for a new article
     * @param unchanged   attributes of a stored article this edit leaves as they are (not written)
     * @throws ConcurrentEditException when the stored article is not at {@code versionRead} any more
     */
    public void write(Article article, long versionRead, Decisions decisions, Set<String> unchanged) {
        Map<String, AttributeValue> item = new HashMap<>(ArticleItems.toItem(article));
        item.put(DECISIONS, decisionsItem(decisions));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            if (name.equals(ArticleSchema.SLUG) || name.equals(ArticleSchema.VERSION)
                    || (versionRead != 0 && (name.equals(ArticleSchema.COMMENT_COUNT) || unchanged.contains(name)))) {
                continue;
            }
            names.put("#a" + index, name);
            values.put(":v" + index, attribute.getValue());
            sets.add("#a" + index + " = :v" + index);
            index++;
        }
        List<String> removes = new ArrayList<>();
        for (String optional : OPTIONAL) {
            if (!item.containsKey(optional)) {
                String placeholder = "#r" + removes.size();
                names.put(placeholder, optional);
                removes.add(placeholder);
            }
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        conditionalUpdate(article.slug(), versionRead, update, names, values);
    }

    /**
     * Takes a published article out of the feed and the API: status {@code unpublished}, no
     * {@code feed} (the sparse index drops it), version + 1. Its images stay in the bucket; the
     * images function signs nothing of an unpublished article.
     */
    public void unpublish(StoredArticle stored, Decision decision) {
        conditionalUpdate(stored.article().slug(), stored.version(),
                "SET #status = :unpublished, #updatedAt = :now, #decisions = :decisions REMOVE #feed",
                Map.of("#status", ArticleSchema.STATUS, "#updatedAt", ArticleSchema.UPDATED_AT, "#feed", ArticleSchema.FEED,
                        "#decisions", DECISIONS),
                Map.of(":unpublished", Items.s(ArticleSchema.UNPUBLISHED),
                        ":now", Items.time(decision.at()),
                        ":decisions", decisionsItem(stored.decisions().withStatus(decision))));
    }

    /** Opens or closes the article's comments: a decision like any other, versioned and recorded. */
    public void setCommentsOpen(StoredArticle stored, boolean open, Decision decision) {
        conditionalUpdate(stored.article().slug(), stored.version(),
                "SET #open = :open, #updatedAt = :now, #decisions = :decisions",
                Map.of("#open", ArticleSchema.COMMENTS_OPEN, "#updatedAt", ArticleSchema.UPDATED_AT, "#decisions", DECISIONS),
                Map.of(":open", Items.bool(open),
                        ":now", Items.time(decision.at()),
                        ":decisions", decisionsItem(stored.decisions().withComments(decision))));
    }

    /** One update conditional on {@code versionRead} (absent for 0) that also sets version + 1. */
    private void conditionalUpdate(String slug, long versionRead, String update, Map<String, String> names,
                                   Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allNames.put("#version", ArticleSchema.VERSION);
        allValues.put(":next", Items.n(versionRead + 1));
        String condition;
        if (versionRead == 0) {
            condition = "attribute_not_exists(" + ArticleSchema.SLUG + ")";
        } else {
            allValues.put(":expected", Items.n(versionRead));
            condition = "#version = :expected";
        }
        String withVersion = update.replaceFirst("^SET ", "SET #version = :next, ");
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(ArticleSchema.key(slug))
                    .updateExpression(withVersion).conditionExpression(condition)
                    .expressionAttributeNames(allNames).expressionAttributeValues(allValues).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentEditException(slug, versionRead);
        }
    }

    private static StoredArticle stored(Map<String, AttributeValue> item) {
        Article article = ArticleItems.fromItem(item);
        AttributeValue decisions = item.get(DECISIONS);
        if (decisions == null || !decisions.hasM()) {
            return new StoredArticle(article, new Decisions(article.version(), null, null, null));
        }
        Map<String, AttributeValue> map = decisions.m();
        AttributeValue contentVersion = map.get("contentVersion");
        return new StoredArticle(article, new Decisions(
                contentVersion == null ? article.version() : Long.parseLong(contentVersion.n()),
                decision(map.get("content")), decision(map.get("status")), decision(map.get("comments"))));
    }

    private static Decision decision(AttributeValue value) {
        if (value == null || !value.hasM() || !value.m().containsKey("by") || !value.m().containsKey("at")) {
            return null;
        }
        return new Decision(Items.string(value.m(), "by"), Items.instant(value.m(), "at"));
    }

    private static AttributeValue decisionsItem(Decisions decisions) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("contentVersion", Items.n(decisions.contentVersion()));
        putDecision(map, "content", decisions.content());
        putDecision(map, "status", decisions.status());
        putDecision(map, "comments", decisions.comments());
        return AttributeValue.fromM(map);
    }

    private static void putDecision(Map<String, AttributeValue> map, String name, Decision decision) {
        if (decision != null) {
            map.put(name, AttributeValue.fromM(Map.of("by", Items.s(decision.by()), "at", Items.time(decision.at()))));
        }
    }
}
