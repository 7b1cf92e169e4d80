package dev.broadsheet.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.net.URI;
import java.util.Map;

/**
 * The Java floor: the least a Java function on {@code GET /articles/{slug}} does. Init builds a
 * {@code DynamoDbClient} the cheap way (URL-connection client; region, static credentials and
 * endpoint given); each event is one {@code GetItem} of its slug, answered with its status only.
 * It takes and returns API Gateway's event types, so the runtime client does for it what it does
 * for the functions. Variables: {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code TABLE_NAME}.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public FloorHandler() {
        Map<String, String> env = System.getenv();
        dynamoDb = DynamoDbClient.builder()
                .region(Region.of(env.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        table = env.get("TABLE_NAME");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        boolean found = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("slug", AttributeValue.fromS(event.getPathParameters().get("slug"))))
                .build()).hasItem();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(found ? 200 : 404)
                .withHeaders(Map.of("content-type", "application/json")).withBody("{}").build();
    }
}
