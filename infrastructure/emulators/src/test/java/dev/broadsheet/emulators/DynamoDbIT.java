package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The template's articles table on the emulators: created from its definition, and working. */
@ExtendWith(EmulatorsExtension.class)
class DynamoDbIT {

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbIT(LocalAws aws, DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.table = aws.physicalNames().get("ArticlesTable");
    }

    @Test
    void theTableHasTheKeysBillingModeAndListIndexOfTheTemplate() {
        TableDescription description = dynamoDb.describeTable(describe -> describe.tableName(table)).table();
        assertEquals("slug", description.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, description.keySchema().get(0).keyType());
        assertEquals(BillingMode.PAY_PER_REQUEST, description.billingModeSummary().billingMode());
        GlobalSecondaryIndexDescription feed = description.globalSecondaryIndexes().get(0);
        assertEquals("list-publishedAt", feed.indexName());
        assertEquals(List.of("listName", "publishedAt"), feed.keySchema().stream().map(key -> key.attributeName()).toList());
        assertEquals(ProjectionType.ALL, feed.projection().projectionType());
    }

    @Test
    void anItemIsReadBackByKeyAndPublishedOnesThroughTheFeedIndexNewestFirst() {
        // A feed value of its own keeps this test apart from others sharing the emulators.
        String feed = "feed-" + UUID.randomUUID();
        put(article("older-" + feed, feed, "2024-05-01T08:00:00Z"));
        put(article("newer-" + feed, feed, "2024-05-02T08:00:00Z"));
        put(Map.of("slug", s("draft-" + feed), "title", s("Not published: no listName attribute")));

        Map<String, AttributeValue> read = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("slug", s("draft-" + feed))).consistentRead(true)).item();
        assertEquals("Not published: no listName attribute", read.get("title").s());

        List<String> published = dynamoDb.query(query -> query.tableName(table).indexName("list-publishedAt")
                        .keyConditionExpression("listName = :feed")
                        .expressionAttributeValues(Map.of(":feed", s(feed)))
                        .scanIndexForward(false))
                .items().stream().map(item -> item.get("slug").s()).toList();
        assertEquals(List.of("newer-" + feed, "older-" + feed), published);
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> article(String slug, String feed, String publishedAt) {
        return Map.of("slug", s(slug), "listName", s(feed), "publishedAt", s(publishedAt), "title", s("Title of " + slug));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
