package dev.broadsheet.editor.target;

import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the editor publishes: the articles table and the images bucket of the local API's
 * emulators or of a deployed stack, with clients for them.
 *
 * @param description for people, e.g. "the local API (http://localhost:3000)" or "stack broadsheet in eu-west-1"
 * @param apiUrl      the API's base URL without a trailing slash, when known (null otherwise)
 */
public record Target(DynamoDbClient dynamoDb, S3Client s3, String tableName, String bucketName, String description,
                     String apiUrl) implements AutoCloseable {

    public ArticleTable articles() {
        return new ArticleTable(dynamoDb, tableName);
    }

    public ImageBucket images() {
        return new ImageBucket(s3, bucketName);
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
    }
}
