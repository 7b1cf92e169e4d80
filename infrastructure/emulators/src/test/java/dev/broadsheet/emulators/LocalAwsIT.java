package dev.broadsheet.emulators;

import dev.broadsheet.template.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorsExtension.class)
class LocalAwsIT {

    @Test
    void theEnvironmentPointsAFunctionAtTheEmulators(LocalAws aws) {
        Map<String, String> environment = aws.environment();
        assertEquals("us-east-1", environment.get("AWS_REGION"));
        assertEquals(aws.accessKeyId(), environment.get("AWS_ACCESS_KEY_ID"));
        assertEquals(aws.secretAccessKey(), environment.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals(aws.dynamoDbEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(aws.s3Endpoint().toString(), environment.get("AWS_ENDPOINT_URL_S3"));
        assertTrue(aws.description().contains(aws.dynamoDbEndpoint().toString()), aws.description());
    }

    @Test
    void theBucketHasTheVersioningOfItsTemplateDefinition(LocalAws aws) {
        // The in-memory S3Proxy store keeps versions (its filesystem store does not, so there it is skipped).
        Object declared = SamTemplate.map(SamTemplate.ofProject().resourcesOfType("AWS::S3::Bucket").get("ImagesBucket")
                .get("VersioningConfiguration")).get("Status");
        assertEquals(declared, aws.s3().getBucketVersioning(get -> get.bucket(aws.physicalNames().get("ImagesBucket")))
                .statusAsString());
    }

    @Test
    void resetEmptiesTheTablesAndBucketsButKeepsThem(LocalAws aws) {
        String table = aws.physicalNames().get("ArticlesTable");
        String bucket = aws.physicalNames().get("ImagesBucket");
        for (int i = 0; i < 30; i++) {
            String slug = "reset-" + i;
            aws.dynamoDb().putItem(put -> put.tableName(table).item(Map.of("slug", AttributeValue.fromS(slug))));
        }
        aws.s3().putObject(put -> put.bucket(bucket).key("images/reset.txt"), RequestBody.fromString("x"));

        aws.reset();

        assertEquals(0, aws.dynamoDb().scan(scan -> scan.tableName(table)).count());
        assertEquals(0, aws.s3().listObjectsV2(list -> list.bucket(bucket)).keyCount());
    }
}
