package dev.broadsheet.editor.destination;

import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.comments.moderation.PersonalData;
import dev.broadsheet.editor.EditorException;
import dev.broadsheet.editor.publish.ArticleTable;
import dev.broadsheet.editor.publish.ImageBucket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the editor works: the articles table, the images bucket and the comments and guards tables
 * of the local API's emulators or of a deployed stack, with clients for them. A name a command does
 * not need may be null (publishing with {@code --table} and {@code --bucket} looks up no comments table).
 *
 * @param id          what article files remember their versions by: {@value #LOCAL_ID} or {@code <region>/<articles table>}
 * @param description for people, e.g. "the local API (http://localhost:3000)" or "stack broadsheet in eu-west-1"
 * @param apiUrl      the API's base URL without a trailing slash, when known (null otherwise)
 */
public record Target(DynamoDbClient dynamoDb, S3Client s3, String id, String tableName, String bucketName, String commentsTableName,
                     String guardsTableName, String notificationsTableName, String description, String apiUrl)
        implements AutoCloseable {

    public static final String LOCAL_ID = "local";

    public ArticleTable articles() {
        return new ArticleTable(dynamoDb, tableName);
    }

    public ImageBucket images() {
        return new ImageBucket(s3, bucketName);
    }

    /** The comments module's moderation operations on this target's tables. */
    public Moderation moderation() {
        return new Moderation(dynamoDb, commentTables());
    }

    /** The comments module's store on this target's tables (the import writes comments through it). */
    public DynamoComments comments() {
        return new DynamoComments(dynamoDb, commentTables());
    }

    /** A reader's requests about their data (export, erasure), on this target's tables. */
    public PersonalData personalData() {
        DynamoComments.Tables tables = commentTables();
        if (notificationsTableName == null) {
            throw new EditorException("no notifications table known for " + description + ": with --local, restart the local"
                    + " API (it predates mail notifications); on AWS pass --notifications-table with the other table names,"
                    + " or leave them all out to read the stack's outputs");
        }
        return new PersonalData(dynamoDb, tables, notificationsTableName, new Moderation(dynamoDb, tables));
    }

    private DynamoComments.Tables commentTables() {
        if (tableName == null || commentsTableName == null || guardsTableName == null) {
            throw new EditorException("no comments and guards tables known for " + description + ": with --local, restart"
                    + " the local API (it predates the comment commands); on AWS pass --comments-table and --guards-table with"
                    + " --table, or leave all three out to read the stack's outputs");
        }
        return new DynamoComments.Tables(tableName, commentsTableName, guardsTableName);
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
    }
}
