package dev.broadsheet.emulators;

import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.SamTemplate;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.broadsheet.template.SamTemplate.list;
import static dev.broadsheet.template.SamTemplate.map;

/**
 * Creates the {@code AWS::DynamoDB::Table} and {@code AWS::S3::Bucket} resources of the template
 * on an emulator, from their template properties, skipping those that exist (so a persisted data
 * directory is reused as is; after changing a table's keys, delete the directory).
 *
 * <p>Local names: a table is named by its {@code TableName} property, else by its logical id
 * ({@code ArticlesTable}); a bucket by its {@code BucketName} property, else by
 * {@code broadsheet-} and its logical id in lower case ({@code broadsheet-imagesbucket}). Intrinsics
 * in those properties resolve against parameter defaults and the pseudo parameters
 * {@code AWS::StackName} ({@value #STACK_NAME}), {@code AWS::Region} and {@code AWS::AccountId}.
 *
 * <p>Applied: a table's {@code AttributeDefinitions}, {@code KeySchema}, {@code BillingMode},
 * {@code ProvisionedThroughput}, global and local secondary indexes with their projections, and
 * {@code TimeToLiveSpecification} where the emulator supports it (dynalite has no
 * {@code UpdateTimeToLive}; code checks expiry itself anyway, as TTL deletion lags in AWS too);
 * a bucket's {@code VersioningConfiguration} where the store keeps versions. Skipped, because they
 * change nothing a local run can observe or the emulators do not implement them: encryption
 * ({@code SSESpecification}, {@code BucketEncryption}), point-in-time recovery, deletion protection,
 * streams, table class, tags, public access blocks, ownership controls and bucket policies (the
 * emulators serve loopback only, to one access key).
 */
public final class TemplateResources {

    public static final String STACK_NAME = "broadsheet";
    static final String ACCOUNT_ID = "000000000000";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final WaiterOverrideConfiguration QUICK_POLLING = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50)))
            .maxAttempts(600)
            .build();

    /** What the emulator can apply beyond creating tables and buckets. */
    public record Support(boolean timeToLive, boolean bucketVersioning) {
    }

    private final SamTemplate template;
    private final Support support;
    private final Map<String, String> lookup;

    public TemplateResources(SamTemplate template, Support support) {
        this.template = template;
        this.support = support;
        this.lookup = new HashMap<>(template.parameterDefaults());
        lookup.put("AWS::StackName", STACK_NAME);
        lookup.put("AWS::Region", LocalAws.REGION.id());
        lookup.put("AWS::AccountId", ACCOUNT_ID);
    }

    /** The local names, without touching an emulator. */
    public ResourceNames names() {
        Map<String, String> tables = new LinkedHashMap<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, properties) ->
                tables.put(id, properties.containsKey("TableName") ? resolve(properties.get("TableName")) : id));
        Map<String, String> buckets = new LinkedHashMap<>();
        template.resourcesOfType("AWS::S3::Bucket").forEach((id, properties) ->
                buckets.put(id, bucketName(id, properties)));
        return new ResourceNames(tables, buckets);
    }

    /**
     * Local ARNs of the template's Secrets Manager secrets (logical id → ARN), what a {@code Ref}
     * to one gives; {@link LocalSecretsManager} serves a value for each.
     */
    public Map<String, String> secretArns() {
        Map<String, String> secrets = new LinkedHashMap<>();
        template.resourcesOfType("AWS::SecretsManager::Secret").forEach((id, properties) -> secrets.put(id,
                "arn:aws:secretsmanager:" + LocalAws.REGION.id() + ":" + ACCOUNT_ID + ":secret:" + STACK_NAME + "-" + id + "-local"));
        return secrets;
    }

    /** Creates what is missing and returns the local names of everything the template declares. */
    public ResourceNames create(DynamoDbClient dynamoDb, S3Client s3) {
        ResourceNames names = names();
        Set<String> existingTables = Set.copyOf(dynamoDb.listTablesPaginator().tableNames().stream().toList());
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, properties) -> {
            String table = names.tables().get(id);
            if (!existingTables.contains(table)) {
                createTable(dynamoDb, table, properties);
            }
        });
        Set<String> existingBuckets = s3.listBuckets().buckets().stream().map(Bucket::name).collect(Collectors.toSet());
        template.resourcesOfType("AWS::S3::Bucket").forEach((id, properties) -> {
            String bucket = names.buckets().get(id);
            if (!existingBuckets.contains(bucket)) {
                createBucket(s3, bucket, properties);
            }
        });
        return names;
    }

    private void createTable(DynamoDbClient dynamoDb, String table, Map<String, Object> properties) {
        // CloudFormation's default billing mode is PROVISIONED.
        BillingMode billingMode = BillingMode.fromValue(String.valueOf(properties.getOrDefault("BillingMode", "PROVISIONED")));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .billingMode(billingMode)
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream().map(SamTemplate::map)
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(resolve(definition.get("AttributeName")))
                                .attributeType(resolve(definition.get("AttributeType")))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")))
                .provisionedThroughput(throughput(properties.get("ProvisionedThroughput")));
        List<GlobalSecondaryIndex> globalIndexes = list(properties.get("GlobalSecondaryIndexes")).stream().map(SamTemplate::map)
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(resolve(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .provisionedThroughput(throughput(index.get("ProvisionedThroughput")))
                        .build())
                .toList();
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = list(properties.get("LocalSecondaryIndexes")).stream().map(SamTemplate::map)
                .map(index -> LocalSecondaryIndex.builder()
                        .indexName(resolve(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build())
                .toList();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        dynamoDb.createTable(request.build());
        dynamoDb.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName(table).build(), QUICK_POLLING);

        Map<String, Object> timeToLive = map(properties.get("TimeToLiveSpecification"));
        if (support.timeToLive() && Boolean.parseBoolean(resolve(timeToLive.get("Enabled")))) {
            dynamoDb.updateTimeToLive(update -> update.tableName(table).timeToLiveSpecification(ttl -> ttl
                    .attributeName(resolve(timeToLive.get("AttributeName"))).enabled(true)));
        }
    }

    private void createBucket(S3Client s3, String bucket, Map<String, Object> properties) {
        // us-east-1 takes no LocationConstraint.
        s3.createBucket(create -> create.bucket(bucket));
        String versioning = resolve(map(properties.get("VersioningConfiguration")).get("Status"));
        if (support.bucketVersioning() && versioning != null) {
            s3.putBucketVersioning(put -> put.bucket(bucket)
                    .versioningConfiguration(configuration -> configuration.status(BucketVersioningStatus.fromValue(versioning))));
        }
    }

    private String bucketName(String logicalId, Map<String, Object> properties) {
        String name = properties.containsKey("BucketName") ? resolve(properties.get("BucketName"))
                : STACK_NAME + "-" + logicalId.toLowerCase(Locale.ROOT);
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The local name of bucket " + logicalId + ", " + name
                    + ", is not a valid S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)");
        }
        return name;
    }

    private List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream().map(SamTemplate::map)
                .map(key -> KeySchemaElement.builder()
                        .attributeName(resolve(key.get("AttributeName")))
                        .keyType(resolve(key.get("KeyType")))
                        .build())
                .toList();
    }

    private Projection projection(Object value) {
        Map<String, Object> projection = map(value);
        Projection.Builder builder = Projection.builder().projectionType(resolve(projection.get("ProjectionType")));
        List<Object> nonKeyAttributes = list(projection.get("NonKeyAttributes"));
        if (!nonKeyAttributes.isEmpty()) {
            builder.nonKeyAttributes(nonKeyAttributes.stream().map(this::resolve).toList());
        }
        return builder.build();
    }

    /** The provisioned throughput, or null (as PAY_PER_REQUEST requires) when the template has none. */
    private ProvisionedThroughput throughput(Object value) {
        Map<String, Object> throughput = map(value);
        if (throughput.isEmpty()) {
            return null;
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(resolve(throughput.get("ReadCapacityUnits"))))
                .writeCapacityUnits(Long.parseLong(resolve(throughput.get("WriteCapacityUnits"))))
                .build();
    }

    private String resolve(Object value) {
        return Intrinsics.resolve(value, lookup::get);
    }
}
