package dev.broadsheet.editor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Author;
import dev.broadsheet.articles.model.Tag;
import dev.broadsheet.core.schema.ArticleLists;
import dev.broadsheet.core.Json;
import dev.broadsheet.editor.article.ArticleReader;
import dev.broadsheet.editor.article.ImageFiles;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list items the publisher writes with each article, against dynalite: after every publish,
 * re-tag, re-date and unpublish, the table holds exactly one list item per list the article is in,
 * each a copy of its list fields, and every list reads right.
 */
@ExtendWith(EmulatorsExtension.class)
class ListItemsIT {

    private static final String SLUG = "harbour-festival-draws-record-crowds";
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final LocalAws aws;
    private final String table;
    private final ArticleTable articles;
    private final Publisher publisher;
    private final DynamoArticleRepository lists;
    @TempDir
    Path dir;

    ListItemsIT(LocalAws aws) {
        this.aws = aws;
        this.table = aws.physicalNames().get("ArticlesTable");
        this.articles = new ArticleTable(aws.dynamoDb(), table);
        this.publisher = new Publisher(articles, new ImageBucket(aws.s3(), aws.physicalNames().get("ImagesBucket")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        this.lists = new DynamoArticleRepository(aws.dynamoDb(), table, Clock.systemUTC());
    }

    @BeforeEach
    void emptyTables() {
        aws.reset();
    }

    private PublishResult publish(String json) {
        return publisher.publish(json(json), ImageFiles.in(dir), Progress.SILENT, Publisher.Request.overwriting("tester"));
    }

    private static JsonNode json(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String article(String publishedAt, String tags) {
        return """
                {"slug": "%s", "headline": "Harbour festival draws record crowds", "summary": "Forty thousand came.",
                 "publishedAt": "%s", "tags": %s, "authors": [{"name": "José Núñez"}, {"name": "Ann Archer", "slug": "ann"}],
                 "body": [{"type": "paragraph", "text": "%s"}]}
                """.formatted(SLUG, publishedAt, tags, "word ".repeat(500).trim());
    }

    /** Every list item of the table, by key, as the list entries they stand for. */
    private Map<String, Map<String, AttributeValue>> listItems() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        aws.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().forEach(item -> {
            if (ArticleLists.isItemKey(item.get("slug").s())) {
                items.put(item.get("slug").s(), item);
            }
        });
        return items;
    }

    private List<String> listed(String tag) {
        return lists.listPublished(tag, 50, null).articles().stream().map(Article::slug).toList();
    }

    @Test
    void aPublishWritesOneListItemPerListWithTheListFields() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\", {\"slug\": \"united-states\", \"name\": \"USA\"}]"));

        assertEquals(List.of("all/" + SLUG, "tag:local/" + SLUG, "tag:united-states/" + SLUG), List.copyOf(listItems().keySet()));
        Article stored = articles.find(SLUG).orElseThrow().article();
        assertEquals(List.of(new Tag("local", "Local"), new Tag("united-states", "USA")), stored.tags());
        assertEquals(List.of(new Author("José Núñez", "jose-nunez"), new Author("Ann Archer", "ann")), stored.authors());
        assertEquals(3, stored.readingTimeMinutes(), "500 words at 230 a minute");
        for (Map<String, AttributeValue> item : listItems().values()) {
            Article entry = ArticleItems.fromItem(item);
            assertEquals(SLUG, entry.slug());
            assertEquals(stored.headline(), entry.headline());
            assertEquals(stored.tags(), entry.tags());
            assertEquals(stored.authors(), entry.authors());
            assertEquals(stored.readingTimeMinutes(), entry.readingTimeMinutes());
            assertEquals(stored.publishedAt(), entry.publishedAt());
            assertFalse(item.containsKey("body"), "a list item is no copy of the body");
        }
        assertEquals(List.of(SLUG), listed(null));
        assertEquals(List.of(SLUG), listed("united-states"));
    }

    @Test
    void reTaggingMovesTheArticleBetweenTagListsInOneWrite() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\", \"sport\"]"));

        PublishResult result = publish(article("2026-11-28T09:00:00.000Z", "[\"sport\", \"culture\"]"));

        assertEquals(PublishResult.Outcome.UPDATED, result.outcome());
        assertEquals(List.of("all/" + SLUG, "tag:culture/" + SLUG, "tag:sport/" + SLUG), List.copyOf(listItems().keySet()));
        assertEquals(List.of(), listed("local"));
        assertEquals(List.of(SLUG), listed("culture"));
    }

    @Test
    void closingCommentsClosesThemOnEveryListItemToo() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\", \"sport\"]"));

        articles.setCommentsOpen(articles.find(SLUG).orElseThrow(), false, new Decision("tester", NOW));

        assertFalse(articles.find(SLUG).orElseThrow().article().commentsOpen());
        listItems().forEach((key, item) -> assertFalse(item.get("commentsOpen").bool(), key));
        assertTrue(lists.listPublished("sport", 5, null).articles().stream().noneMatch(Article::commentsOpen));
    }

    @Test
    void reDatingMovesEveryListItemAndGivesTheArticleANewPlace() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]"));
        Instant firstPlace = articles.find(SLUG).orElseThrow().article().listedAt();

        publish(article("2020-01-01T00:00:00.000Z", "[\"local\"]"));

        for (Map<String, AttributeValue> item : listItems().values()) {
            assertEquals("2020-01-01T00:00:00.000Z", item.get("publishedAt").s());
        }
        assertEquals(Instant.parse("2026-11-28T09:00:00Z"), firstPlace, "new: its place as of its publication");
        assertEquals(NOW, articles.find(SLUG).orElseThrow().article().listedAt(), "re-dated: a new place, now");
    }

    @Test
    void unpublishingDeletesEveryListItemAndRepublishingBringsThemBack() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\", \"sport\"]"));

        articles.unpublish(articles.find(SLUG).orElseThrow(), new Decision("tester", NOW));

        assertEquals(Map.of(), listItems());
        assertEquals(List.of(), listed(null));
        assertEquals(List.of(), listed("sport"));
        assertEquals(List.of(), articles.find(SLUG).orElseThrow().lists());

        publish(article("2026-11-28T09:00:00.000Z", "[\"local\", \"sport\"]"));
        assertEquals(3, listItems().size());
        assertEquals(List.of(SLUG), listed("sport"));
    }

    /** As stored before list items: no lists attribute, no list items. */
    private void asBeforeListItems() {
        listItems().keySet().forEach(key -> aws.dynamoDb().deleteItem(d -> d.tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(key)))));
        aws.dynamoDb().updateItem(u -> u.tableName(table).key(Map.of("slug", AttributeValue.fromS(SLUG)))
                .updateExpression("REMOVE lists, listedAt"));
    }

    @Test
    void anArticleFromBeforeListItemsIsRewrittenOnceWithThem() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]"));
        asBeforeListItems();

        assertEquals(PublishResult.Outcome.UPDATED, publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]")).outcome());
        assertEquals(PublishResult.Outcome.UNCHANGED, publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]")).outcome());
        assertEquals(List.of(SLUG), listed("local"));
    }

    @Test
    void reindexListsThePublishedArticlesThatLackListItemsAndOnlyThose() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]"));
        asBeforeListItems();
        long version = articles.find(SLUG).orElseThrow().version();

        assertTrue(articles.relist(SLUG));
        assertFalse(articles.relist(SLUG), "the second time there is nothing to do");

        assertEquals(List.of(SLUG), listed("local"));
        Article relisted = articles.find(SLUG).orElseThrow().article();
        assertEquals(version + 1, relisted.version());
        assertEquals(relisted.publishedAt(), relisted.listedAt(), "its place as of its publication: no reader paging skips it");
        articles.unpublish(articles.find(SLUG).orElseThrow(), new Decision("tester", NOW));
        assertFalse(articles.relist(SLUG), "an unpublished article is in no list");
        assertEquals(List.of(), listed(null));
    }

    @Test
    void aCommentApprovedBetweenReadAndWriteStopsTheWriteWhichThenCountsIt() {
        publish(article("2026-11-28T09:00:00.000Z", "[\"local\"]"));
        StoredArticle read = articles.find(SLUG).orElseThrow();
        Article edit = Publisher.article(ArticleReader.read(json(article("2026-11-28T09:00:00.000Z",
                "[\"local\", \"sport\"]")), ImageFiles.in(dir)), read.article(), NOW, false);
        // An approval after our read: the count grows on the article and on its list items.
        for (String key : List.of(SLUG, "all/" + SLUG, "tag:local/" + SLUG)) {
            aws.dynamoDb().updateItem(u -> u.tableName(table).key(Map.of("slug", AttributeValue.fromS(key)))
                    .updateExpression("ADD commentCount :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        }

        assertThrows(ConcurrentEditException.class, () -> articles.write(edit, read, read.decisions(), Set.of()));
        assertFalse(listItems().containsKey("tag:sport/" + SLUG), "nothing of the refused write is there");

        // What the publisher does next: read again, write again.
        PublishResult result = publish(article("2026-11-28T09:00:00.000Z", "[\"local\", \"sport\"]"));
        assertEquals(PublishResult.Outcome.UPDATED, result.outcome());
        assertEquals(1, articles.find(SLUG).orElseThrow().article().commentCount());
        listItems().forEach((key, item) -> assertEquals("1", item.get("commentCount").n(), key));
    }
}
