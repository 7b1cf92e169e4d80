package dev.broadsheet.emulators;

import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template's resources on LocalStack. The build runs this class with
 * {@code broadsheet.emulators=localstack}; without Docker, EmulatorsExtension skips it and says why.
 */
@ExtendWith(EmulatorsExtension.class)
class LocalStackIT {

    @Test
    void theTemplateResourcesWorkOnLocalStack(LocalAws aws) throws Exception {
        assertTrue(aws.description().startsWith("LocalStack"), aws.description());
        String table = aws.physicalNames().get("ArticlesTable");
        aws.dynamoDb().putItem(put -> put.tableName(table).item(Map.of("slug", AttributeValue.fromS("on-localstack"),
                "listName", AttributeValue.fromS("all"), "publishedAt", AttributeValue.fromS("2024-05-01T08:00:00Z"))));
        assertEquals(1, aws.dynamoDb().query(query -> query.tableName(table).indexName("list-publishedAt")
                .keyConditionExpression("listName = :feed").expressionAttributeValues(Map.of(":feed", AttributeValue.fromS("all"))))
                .count());

        String bucket = aws.physicalNames().get("ImagesBucket");
        assertEquals(BucketVersioningStatus.ENABLED, aws.s3().getBucketVersioning(get -> get.bucket(bucket)).status());
        aws.s3().putObject(put -> put.bucket(bucket).key("images/a.txt"), RequestBody.fromString("on localstack"));
        URI url = URI.create(aws.s3Presigner().presignGetObject(presign -> presign.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(get -> get.bucket(bucket).key("images/a.txt"))).url().toString());
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("on localstack", response.body());
    }

    @Test
    void eachTableHasTheTimeToLiveOfItsTemplateDefinition(LocalAws aws) {
        // dynalite cannot apply TimeToLiveSpecification (no UpdateTimeToLive); LocalStack can.
        SamTemplate.ofProject().resourcesOfType("AWS::DynamoDB::Table").forEach((id, properties) -> {
            Map<String, Object> declared = SamTemplate.map(properties.get("TimeToLiveSpecification"));
            boolean enabled = Boolean.parseBoolean(String.valueOf(declared.get("Enabled")));
            TimeToLiveDescription actual = aws.dynamoDb()
                    .describeTimeToLive(describe -> describe.tableName(aws.physicalNames().get(id))).timeToLiveDescription();
            assertEquals(enabled ? TimeToLiveStatus.ENABLED : TimeToLiveStatus.DISABLED, actual.timeToLiveStatus(), id);
            if (enabled) {
                assertEquals(declared.get("AttributeName"), actual.attributeName(), id);
            }
        });
    }
}
