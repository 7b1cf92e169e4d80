package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TransactWriteItems, which the launcher adds to dynalite: all or nothing, with DynamoDB's answers and conflicts. */
@ExtendWith(EmulatorsExtension.class)
class TransactWriteItemsIT {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String prefix = "tx-" + UUID.randomUUID() + "-";

    TransactWriteItemsIT(LocalAws aws, DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.table = aws.physicalNames().get("ArticlesTable");
    }

    @Test
    void allActionsApplyTogetherIncludingIndexEntries() {
        put(Map.of("slug", s(prefix + "counter"), "count", n(1)));
        put(Map.of("slug", s(prefix + "gone"), "title", s("to delete")));
        put(Map.of("slug", s(prefix + "guard"), "state", s("open")));

        dynamoDb.transactWriteItems(tx -> tx.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(Map.of("slug", s(prefix + "new"), "listName", s(prefix + "feed"), "publishedAt", s("2024-01-01T00:00:00Z")))
                        .conditionExpression("attribute_not_exists(slug)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key("counter"))
                        .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":one", n(1)))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key("gone"))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("guard"))
                        .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":open", s("open")))).build()));

        assertTrue(get("new").containsKey("listName"));
        assertEquals("2", get("counter").get("count").n());
        assertTrue(get("gone").isEmpty());
        List<String> feed = dynamoDb.query(q -> q.tableName(table).indexName("list-publishedAt")
                        .keyConditionExpression("listName = :f").expressionAttributeValues(Map.of(":f", s(prefix + "feed"))))
                .items().stream().map(item -> item.get("slug").s()).toList();
        assertEquals(List.of(prefix + "new"), feed);
    }

    @Test
    void aFailedConditionCancelsEverythingWithOneReasonPerAction() {
        put(Map.of("slug", s(prefix + "counter"), "count", n(5)));

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class, () ->
                dynamoDb.transactWriteItems(tx -> tx.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("slug", s(prefix + "written")))).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(table).key(key("counter"))
                                .updateExpression("ADD #c :one").conditionExpression("#c < :limit")
                                .expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(5)))).build())));

        assertEquals(List.of("None", "ConditionalCheckFailed"),
                cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertTrue(get("written").isEmpty(), "the unconditional put of a cancelled transaction is not written");
        assertEquals("5", get("counter").get("count").n());
    }

    @Test
    void twoActionsOnOneItemAreRefused() {
        DynamoDbException refused = assertThrows(DynamoDbException.class, () ->
                dynamoDb.transactWriteItems(tx -> tx.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("slug", s(prefix + "twice")))).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(table).key(key("twice"))).build())));
        assertEquals(400, refused.statusCode());
        assertFalse(refused instanceof TransactionCanceledException);
        assertTrue(refused.getMessage().contains("multiple operations on one item"), refused.getMessage());
        assertTrue(get("twice").isEmpty());
    }

    @Test
    void moreThan100ActionsAreRefusedAndNothingIsWritten() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            String slug = prefix + "many-" + i;
            actions.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("slug", s(slug)))).build());
        }
        DynamoDbException refused = assertThrows(DynamoDbException.class,
                () -> dynamoDb.transactWriteItems(tx -> tx.transactItems(actions)));
        assertEquals(400, refused.statusCode());
        assertTrue(get("many-0").isEmpty());
        dynamoDb.transactWriteItems(tx -> tx.transactItems(actions.subList(0, 100)));
        assertFalse(get("many-99").isEmpty(), "exactly 100 actions are allowed");
    }

    @Test
    void concurrentTransactionsConflictAsInDynamoDbAndRetriedIncrementExactly() throws Exception {
        put(Map.of("slug", s(prefix + "counter"), "count", n(0)));
        int writers = 20;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String child = "child-" + i;
                tasks.add(() -> {
                    for (int attempt = 0; ; attempt++) {
                        try {
                            dynamoDb.transactWriteItems(tx -> tx.transactItems(
                                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("slug", s(prefix + child)))
                                            .conditionExpression("attribute_not_exists(slug)")).build(),
                                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key("counter"))
                                            .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                                            .expressionAttributeValues(Map.of(":one", n(1)))).build()));
                            return null;
                        } catch (TransactionCanceledException e) {
                            assertEquals(List.of("None", "TransactionConflict"), codes(e), "only the shared counter conflicts");
                            conflicts.incrementAndGet();
                            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10 + 10 * Math.min(attempt, 10)));
                        }
                    }
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(String.valueOf(writers), get("counter").get("count").n());
        System.out.println("[TransactWriteItemsIT] " + writers + " concurrent transactions on one item: " + conflicts + " conflicts, retried");
    }

    @Test
    void anItemHeldByAnotherTransactionCancelsAtOnceWithTransactionConflictAndNothingIsWritten() throws Exception {
        put(Map.of("slug", s(prefix + "hot"), "count", n(0)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // The first transaction holds "hot" for a while (the test header of the launcher); it
            // retries while the probe below holds the item for the moment of its own check.
            Future<?> holder = pool.submit(() -> {
                while (true) {
                    try {
                        return dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder()
                                .overrideConfiguration(o -> o.putHeader("x-broadsheet-hold-ms", "3000"))
                                .transactItems(increment("hot")).build());
                    } catch (TransactionCanceledException probeHeldIt) {
                        Thread.sleep(1);
                    }
                }
            });
            // A probe whose condition always fails tells "held" (TransactionConflict) from "free".
            long deadline = System.nanoTime() + 2_500_000_000L;
            List<String> probe;
            do {
                if (holder.isDone()) {
                    holder.get();
                    throw new AssertionError("the holding transaction ended before the probe saw it held");
                }
                probe = codes(assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(tx -> tx.transactItems(
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("hot"))
                                .conditionExpression("attribute_not_exists(slug)")).build()))));
            } while (!probe.equals(List.of("TransactionConflict")) && System.nanoTime() < deadline);
            assertEquals(List.of("TransactionConflict"), probe);

            long started = System.nanoTime();
            TransactionCanceledException conflict = assertThrows(TransactionCanceledException.class, () ->
                    dynamoDb.transactWriteItems(tx -> tx.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("slug", s(prefix + "other")))).build(),
                            increment("hot"))));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(List.of("None", "TransactionConflict"), codes(conflict));
            assertTrue(tookMs < 2000, "cancelled at once, not after waiting for the holder: " + tookMs + " ms");
            assertTrue(get("other").isEmpty(), "nothing of a cancelled transaction is written");

            holder.get();
            assertEquals("1", get("hot").get("count").n());
            dynamoDb.transactWriteItems(tx -> tx.transactItems(increment("hot")));
            assertEquals("2", get("hot").get("count").n(), "free again once the holder committed");
        } finally {
            pool.shutdownNow();
        }
    }

    private TransactWriteItem increment(String suffix) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(suffix))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1)))).build();
    }

    private static List<String> codes(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(p -> p.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String suffix) {
        return dynamoDb.getItem(g -> g.tableName(table).key(key(suffix)).consistentRead(true)).item();
    }

    private Map<String, AttributeValue> key(String suffix) {
        return Map.of("slug", s(prefix + suffix));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
