package dev.broadsheet.editor.publish;

import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.schema.ArticleSchema;
import dev.broadsheet.core.schema.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
 *
 * <p>An article and its list items (see {@link ArticleLists}) change in one transaction: publishing
 * puts a list item per list the article is in and deletes those of lists it left (a tag removed),
 * re-dating moves them (their sort key is {@code publishedAt}), unpublishing deletes them all,
 * closing or opening comments sets the flag they copy. So a list never shows an article that is
 * not published, nor misses one that is. List items also copy the comment count, which approvals
 * change without a new version: a publish is conditional on the count and the open flag as read
 * too, and when only they moved it fails as a concurrent edit that the publisher retries.
 */
public final class ArticleTable {

    /** Optional attributes of an article item: removed when an edit leaves them out (and {@code feed}, from before list items). */
    private static final List<String> OPTIONAL = List.of(ArticleSchema.SUMMARY, ArticleSchema.LEGACY_FEED,
            ArticleSchema.PUBLISHED_AT, ArticleSchema.HERO_IMAGE, ArticleSchema.TAG_NAMES, ArticleSchema.AUTHORS,
            ArticleSchema.LISTS, ArticleSchema.LISTED_AT);
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

    /** Every article, published or not: a paginated, eventually consistent Scan (of articles, not their list items). */
    public List<StoredArticle> list() {
        List<StoredArticle> articles = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName)
                        .filterExpression("attribute_not_exists(#list)")
                        .expressionAttributeNames(Map.of("#list", ArticleLists.LIST_NAME)).build()).items()
                .forEach(item -> articles.add(stored(item)));
        return articles;
    }

    /**
     * Writes the article, whose version must be the one read plus one, with its list items.
     *
     * @param stored    the article as this edit read it; null for a new article
     * @param unchanged attributes of a stored article this edit leaves as they are (not written)
     * @throws ConcurrentEditException when the stored article is not as read any more (its version,
     *                                 or only its comment count or open flag: then writing again works)
     */
    public void write(Article article, StoredArticle stored, Decisions decisions, Set<String> unchanged) {
        long versionRead = stored == null ? 0 : stored.version();
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
        String counters = "";
        if (stored != null) {
            // List items copy these: written from what was read, they must still be what was read.
            names.put("#count", ArticleSchema.COMMENT_COUNT);
            names.put("#open", ArticleSchema.COMMENTS_OPEN);
            values.put(":count", Items.n(stored.article().commentCount()));
            values.put(":open", Items.bool(stored.article().commentsOpen()));
            counters = " AND (attribute_not_exists(#count) OR #count = :count) AND (attribute_not_exists(#open) OR #open = :open)";
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(conditionalUpdate(article.slug(), versionRead, update, counters, names, values));
        List<String> lists = article.isPublished() ? ArticleLists.listsOf(article.tagSlugs()) : List.of();
        if (article.isPublished()) {
            ArticleItems.toListItems(article).forEach(listItem ->
                    writes.add(TransactWriteItem.builder().put(put -> put.tableName(tableName).item(listItem)).build()));
        }
        if (stored != null) {
            stored.lists().stream().filter(list -> !lists.contains(list)).forEach(list -> writes.add(delete(list, article.slug())));
        }
        transact(writes, article.slug(), versionRead);
    }

    /**
     * Takes a published article out of the API and every list: status {@code unpublished}, its
     * list items deleted, version + 1, in one transaction. Its images stay in the bucket; the images
     * function signs nothing of an unpublished article.
     */
    public void unpublish(StoredArticle stored, Decision decision) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(conditionalUpdate(stored.article().slug(), stored.version(),
                "SET #status = :unpublished, #updatedAt = :now, #decisions = :decisions REMOVE #feed, #lists, #listedAt", "",
                Map.of("#status", ArticleSchema.STATUS, "#updatedAt", ArticleSchema.UPDATED_AT, "#feed", ArticleSchema.LEGACY_FEED,
                        "#decisions", DECISIONS, "#lists", ArticleSchema.LISTS, "#listedAt", ArticleSchema.LISTED_AT),
                Map.of(":unpublished", Items.s(ArticleSchema.UNPUBLISHED),
                        ":now", Items.time(decision.at()),
                        ":decisions", decisionsItem(stored.decisions().withStatus(decision)))));
        stored.lists().forEach(list -> writes.add(delete(list, stored.article().slug())));
        transact(writes, stored.article().slug(), stored.version());
    }

    /** Opens or closes the article's comments: a decision like any other, versioned and recorded. */
    public void setCommentsOpen(StoredArticle stored, boolean open, Decision decision) {
        String slug = stored.article().slug();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(conditionalUpdate(slug, stored.version(),
                "SET #open = :open, #updatedAt = :now, #decisions = :decisions", "",
                Map.of("#open", ArticleSchema.COMMENTS_OPEN, "#updatedAt", ArticleSchema.UPDATED_AT, "#decisions", DECISIONS),
                Map.of(":open", Items.bool(open),
                        ":now", Items.time(decision.at()),
                        ":decisions", decisionsItem(stored.decisions().withComments(decision)))));
        // The list items show the flag too; the version condition above vouches for the lists read.
        stored.lists().forEach(list -> writes.add(TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(ArticleSchema.key(ArticleLists.itemKey(list, slug)))
                .updateExpression("SET #open = :open")
                .expressionAttributeNames(Map.of("#open", ArticleSchema.COMMENTS_OPEN))
                .expressionAttributeValues(Map.of(":open", Items.bool(open)))).build()));
        transact(writes, slug, stored.version());
    }

    /**
     * Writes the list items a published article should have and lacks (one published before list
     * items existed): the article as stored, version + 1, its decisions as they are (this is no
     * editorial decision), its place in the lists as of its publication. False when there was
     * nothing to do.
     */
    public boolean relist(String slug) {
        for (int attempt = 0; attempt < 5; attempt++) {
            StoredArticle stored = find(slug).orElse(null);
            if (stored == null || !stored.article().isPublished()
                    || stored.lists().equals(ArticleLists.listsOf(stored.article().tagSlugs()))) {
                return false;
            }
            Article a = stored.article();
            try {
                write(new Article(a.slug(), a.headline(), a.summary(), a.status(), a.publishedAt(), a.updatedAt(),
                        a.listedAt() != null ? a.listedAt() : a.publishedAt(), a.tags(), a.authors(), a.heroImage(), a.body(),
                        a.readingTimeMinutes(), a.commentsOpen(), a.commentCount(), a.version() + 1), stored,
                        stored.decisions(), Set.of());
                return true;
            } catch (ConcurrentEditException e) {
                // Changed meanwhile (an approval, an edit): read again.
            }
        }
        throw new ConcurrentEditException(slug, find(slug).map(StoredArticle::version).orElse(0L));
    }

    /**
     * One update, for a transaction, conditional on {@code versionRead} (absent for 0) and on
     * {@code moreCondition} (an " AND ..." or nothing), that also sets version + 1.
     */
    private TransactWriteItem conditionalUpdate(String slug, long versionRead, String update, String moreCondition,
                                                Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allNames.put("#version", ArticleSchema.VERSION);
        allValues.put(":next", Items.n(versionRead + 1));
        String condition;
        if (versionRead == 0) {
            condition = "attribute_not_exists(" + ArticleSchema.SLUG + ")";
        } else {
            allValues.put(":expected", Items.n(versionRead));
            condition = "#version = :expected" + moreCondition;
        }
        String withVersion = update.replaceFirst("^SET ", "SET #version = :next, ");
        String finalCondition = condition;
        return TransactWriteItem.builder().update(u -> u.tableName(tableName).key(ArticleSchema.key(slug))
                .updateExpression(withVersion).conditionExpression(finalCondition)
                .expressionAttributeNames(allNames).expressionAttributeValues(allValues)).build();
    }

    private TransactWriteItem delete(String list, String slug) {
        return TransactWriteItem.builder().delete(d -> d.tableName(tableName)
                .key(ArticleSchema.key(ArticleLists.itemKey(list, slug)))).build();
    }

    /** The article's update first: its condition failing is a concurrent edit. */
    private void transact(List<TransactWriteItem> writes, String slug, long versionRead) {
        try {
            dynamoDb.transactWriteItems(tx -> tx.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().isEmpty() || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw e;
            }
            throw new ConcurrentEditException(slug, versionRead);
        }
    }

    private static StoredArticle stored(Map<String, AttributeValue> item) {
        Article article = ArticleItems.fromItem(item);
        AttributeValue decisions = item.get(DECISIONS);
        if (decisions == null || !decisions.hasM()) {
            return new StoredArticle(article, new Decisions(article.version(), null, null, null), ArticleItems.lists(item));
        }
        Map<String, AttributeValue> map = decisions.m();
        AttributeValue contentVersion = map.get("contentVersion");
        return new StoredArticle(article, new Decisions(
                contentVersion == null ? article.version() : Long.parseLong(contentVersion.n()),
                decision(map.get("content")), decision(map.get("status")), decision(map.get("comments"))), ArticleItems.lists(item));
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
