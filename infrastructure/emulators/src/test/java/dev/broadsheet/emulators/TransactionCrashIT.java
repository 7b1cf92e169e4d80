package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dynalite killed (SIGKILL) in the middle of a burst of transactions, then started again on the
 * same data: every transaction is on disk whole or not at all, items and index entries alike.
 */
class TransactionCrashIT {

    private static final int ITEMS_PER_TRANSACTION = 3;
    private static final int WRITERS = 6;

    @TempDir
    Path dataDir;

    @Test
    void aCrashDuringABurstLeavesEveryTransactionWholeOrAbsent() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        Dynalite first = Dynalite.start(dataDir);
        try (DynamoDbClient dynamoDb = client(first)) {
            dynamoDb.createTable(create -> create.tableName("crash").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("tx").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .globalSecondaryIndexes(index -> index.indexName("by-tx")
                            .keySchema(k -> k.attributeName("tx").keyType(KeyType.HASH), k -> k.attributeName("pk").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            AtomicInteger next = new AtomicInteger();
            for (int w = 0; w < WRITERS; w++) {
                pool.submit(() -> {
                    while (true) {
                        String tx = "tx-" + next.incrementAndGet();
                        List<TransactWriteItem> puts = new ArrayList<>();
                        for (int i = 0; i < ITEMS_PER_TRANSACTION; i++) {
                            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(tx + "-" + i),
                                    "tx", AttributeValue.fromS(tx), "payload", AttributeValue.fromS("x".repeat(2_000)));
                            puts.add(TransactWriteItem.builder().put(p -> p.tableName("crash").item(item)).build());
                        }
                        try {
                            dynamoDb.transactWriteItems(t -> t.transactItems(puts));
                            committed.incrementAndGet();
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (committed.get() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.kill();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(committed.get() >= 150, "the burst ran: " + committed.get());

        try (Dynalite second = Dynalite.start(dataDir); DynamoDbClient dynamoDb = client(second)) {
            Map<String, Long> itemsPerTransaction = dynamoDb.scanPaginator(scan -> scan.tableName("crash")).items().stream()
                    .collect(Collectors.groupingBy(item -> item.get("tx").s(), TreeMap::new, Collectors.counting()));
            Map<String, Long> indexEntriesPerTransaction = dynamoDb.scanPaginator(scan -> scan.tableName("crash").indexName("by-tx"))
                    .items().stream().collect(Collectors.groupingBy(item -> item.get("tx").s(), TreeMap::new, Collectors.counting()));
            assertTrue(itemsPerTransaction.size() >= committed.get(), "every acknowledged transaction survived: "
                    + itemsPerTransaction.size() + " of " + committed.get());
            Map<String, Long> partial = itemsPerTransaction.entrySet().stream().filter(e -> e.getValue() != ITEMS_PER_TRANSACTION)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), partial, "transactions with some of their items on disk");
            assertEquals(itemsPerTransaction, indexEntriesPerTransaction, "index entries match the items");
            System.out.println("[TransactionCrashIT] killed after " + committed.get() + " acknowledged transactions; "
                    + itemsPerTransaction.size() + " on disk, all whole");
        }
    }

    private static DynamoDbClient client(Dynalite dynalite) {
        return DynamoDbClient.builder().region(LocalAws.REGION).endpointOverride(dynalite.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID,
                        LocalAws.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
