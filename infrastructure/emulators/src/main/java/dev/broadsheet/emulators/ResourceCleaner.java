package dev.broadsheet.emulators;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Empties tables and buckets, keeping them: what {@link LocalAws#reset()} does. */
final class ResourceCleaner {

    /** BatchWriteItem's limit. */
    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    ResourceCleaner(DynamoDbClient dynamoDb, S3Client s3) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    void emptyTable(String table) {
        List<String> keyNames = dynamoDb.describeTable(describe -> describe.tableName(table))
                .table().keySchema().stream().map(KeySchemaElement::attributeName).toList();
        List<WriteRequest> deletes = new ArrayList<>();
        // Only the key attributes are read: an item's key is all a delete needs.
        List<String> placeholders = new ArrayList<>();
        Map<String, String> attributeNames = new HashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            placeholders.add("#k" + i);
            attributeNames.put("#k" + i, keyNames.get(i));
        }
        for (Map<String, AttributeValue> key : dynamoDb.scanPaginator(scan -> scan.tableName(table)
                .projectionExpression(String.join(",", placeholders)).expressionAttributeNames(attributeNames)).items()) {
            deletes.add(WriteRequest.builder().deleteRequest(delete -> delete.key(key)).build());
            if (deletes.size() == BATCH) {
                write(table, deletes);
                deletes.clear();
            }
        }
        if (!deletes.isEmpty()) {
            write(table, deletes);
        }
    }

    void emptyBucket(String bucket) {
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
        }
    }

    private void write(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(requests));
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
