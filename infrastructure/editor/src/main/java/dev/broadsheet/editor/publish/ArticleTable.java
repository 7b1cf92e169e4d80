package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's reads and writes of the articles table. Every write is conditional on the version
 * read ({@code attribute_not_exists(slug)} for a new article) and sets version + 1, so a concurrent
 * edit is refused instead of lost.
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
    public Optional<Article> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(ArticleSchema.key(slug)).consistentRead(true)).item();
        return Items.isMissing(item) ? Optional.empty() : Optional.of(ArticleItems.fromItem(item));
    }

    /**
     * Writes the article, whose version must be the one read plus one.
     *
     * @param versionRead the stored version this edit started from; 0 for a new article
     * @param unchanged   attributes of a stored article this edit leaves as they are (not written)
     * @throws ConcurrentEditException when the stored article is not at {@code versionRead} any more
     */
    public void write(Article article, long versionRead, Set<String> unchanged) {
        Map<String, AttributeValue> item = ArticleItems.toItem(article);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            if (name.equals(ArticleSchema.SLUG)
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
        String condition;
        if (versionRead == 0) {
            condition = "attribute_not_exists(" + ArticleSchema.SLUG + ")";
        } else {
            names.put("#version", ArticleSchema.VERSION);
            values.put(":expected", Items.n(versionRead));
            condition = "#version = :expected";
        }
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName).key(ArticleSchema.key(article.slug()))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentEditException(article.slug(), versionRead);
        }
    }

    /**
     * Takes a published article out of the feed and the API: status {@code unpublished}, no
     * {@code feed} (the sparse index drops it), version + 1. Its images stay in the bucket; the
     * images function signs nothing of an unpublished article.
     */
    public void unpublish(String slug, long versionRead, Instant now) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(ArticleSchema.key(slug))
                    .updateExpression("SET #status = :unpublished, #updatedAt = :now, #version = :next REMOVE #feed")
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#status", ArticleSchema.STATUS, "#version", ArticleSchema.VERSION,
                            "#updatedAt", ArticleSchema.UPDATED_AT, "#feed", ArticleSchema.FEED))
                    .expressionAttributeValues(Map.of(
                            ":unpublished", Items.s(ArticleSchema.UNPUBLISHED),
                            ":now", Items.time(now),
                            ":next", Items.n(versionRead + 1),
                            ":expected", Items.n(versionRead))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentEditException(slug, versionRead);
        }
    }

    /** One line of {@code broadsheet list}. */
    public record Listing(String slug, String status, String publishedAt, int imageCount) {
    }

    /** Every article, published or not; a paginated Scan of the few attributes a listing shows. */
    public List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        ScanRequest scan = ScanRequest.builder().tableName(tableName)
                .projectionExpression("#slug, #status, #publishedAt, #hero, #body")
                .expressionAttributeNames(Map.of("#slug", ArticleSchema.SLUG, "#status", ArticleSchema.STATUS,
                        "#publishedAt", ArticleSchema.PUBLISHED_AT, "#hero", ArticleSchema.HERO_IMAGE, "#body", ArticleSchema.BODY))
                .build();
        dynamoDb.scanPaginator(scan).items().forEach(item -> {
            Article article = ArticleItems.fromItem(item);
            int images = (article.heroImage() == null ? 0 : 1)
                    + (int) article.body().stream().filter(block -> block.image() != null).count();
            listings.add(new Listing(article.slug(), article.status(), Timestamps.format(article.publishedAt()), images));
        });
        return listings;
    }
}
