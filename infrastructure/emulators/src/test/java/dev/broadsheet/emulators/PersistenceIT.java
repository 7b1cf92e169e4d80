package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a data directory, what the local runtime wrote is there after a restart. */
class PersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void itemsAndObjectsSurviveARestartAndTheTemplateResourcesAreReused() {
        Map<String, AttributeValue> key = Map.of("slug", AttributeValue.fromS("kept-article"));
        try (LocalAws first = Emulators.start(Backend.LOCAL, Emulators.Options.persistentIn(dataDir))) {
            first.dynamoDb().putItem(put -> put.tableName(table(first))
                    .item(Map.of("slug", AttributeValue.fromS("kept-article"), "title", AttributeValue.fromS("Kept"))));
            first.s3().putObject(put -> put.bucket(bucket(first)).key("images/kept.txt"),
                    RequestBody.fromString("kept bytes", StandardCharsets.UTF_8));
        }
        assertTrue(Files.isDirectory(dataDir.resolve("dynamodb")) && Files.isDirectory(dataDir.resolve("s3")));

        // The second start finds the tables and bucket already there: it must skip, not fail.
        try (LocalAws second = Emulators.start(Backend.LOCAL, Emulators.Options.persistentIn(dataDir))) {
            assertEquals("Kept", second.dynamoDb().getItem(get -> get.tableName(table(second)).key(key))
                    .item().get("title").s());
            assertEquals("kept bytes", second.s3().getObjectAsBytes(get -> get.bucket(bucket(second)).key("images/kept.txt"))
                    .asUtf8String());
        }
    }

    private static String table(LocalAws aws) {
        return aws.physicalNames().get("ArticlesTable");
    }

    private static String bucket(LocalAws aws) {
        return aws.physicalNames().get("ImagesBucket");
    }
}
