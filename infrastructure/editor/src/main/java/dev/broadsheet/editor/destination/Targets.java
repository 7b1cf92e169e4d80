package dev.broadsheet.editor.destination;

import dev.broadsheet.editor.EditorException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a {@link Target}: the local API's emulators (from {@code .broadsheet/local-api.json}) or
 * AWS (profile, region, and the stack's outputs or explicit names). Clients use the URL-connection
 * HTTP client, as everywhere in the project.
 */
public final class Targets {

    /** The README's first command: what starts the local API. */
    public static final String START_LOCAL_API =
            "mvn -q -DskipTests package && java -jar infrastructure/local/target/broadsheet-local.jar";
    public static final String TABLE_OUTPUT = "ArticlesTableName";
    public static final String BUCKET_OUTPUT = "ImagesBucketName";
    public static final String COMMENTS_TABLE_OUTPUT = "CommentsTableName";
    public static final String GUARDS_TABLE_OUTPUT = "GuardsTableName";
    public static final String NOTIFICATIONS_TABLE_OUTPUT = "NotificationsTableName";
    public static final String API_URL_OUTPUT = "ApiUrl";

    private Targets() {
    }

    /** The running local API's emulators, or an error saying how to start it. */
    public static Target local(Path localApiFile) {
        if (!Files.isRegularFile(localApiFile)) {
            throw new EditorException("the local API is not running: start it with " + START_LOCAL_API
                    + " (no " + localApiFile + ")");
        }
        LocalApiFile local;
        try {
            local = LocalApiFile.read(localApiFile);
        } catch (IOException | RuntimeException e) {
            throw new EditorException("the local API is not running: start it with " + START_LOCAL_API
                    + " (" + localApiFile + " cannot be read: " + e.getMessage() + ")");
        }
        if (!reachable(local.dynamoDbEndpoint()) || !reachable(local.s3Endpoint())) {
            throw new EditorException("the local API is not running: start it with " + START_LOCAL_API
                    + " (" + localApiFile + " is left over from a local API that stopped)");
        }
        AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey()));
        Region region = Region.of(local.region());
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .endpointOverride(local.dynamoDbEndpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        // Path-style: the emulator serves no bucket subdomains.
        S3Client s3 = S3Client.builder().region(region).credentialsProvider(credentials)
                .endpointOverride(local.s3Endpoint()).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new Target(dynamoDb, s3, Target.LOCAL_ID, local.articlesTable(), local.imagesBucket(), local.commentsTable(), local.guardsTable(),
                local.notificationsTable(), "the local API (" + local.apiUrl() + ")", local.apiUrl());
    }

    /** Names given with flags; null where the stack's outputs are to say. */
    public record Names(String table, String bucket, String commentsTable, String guardsTable, String notificationsTable) {
    }

    /**
     * What a command works on: the articles table alone, with the images bucket, with the tables
     * comment moderation uses, or with those and the notifications table (a reader's personal data).
     */
    public enum Scope {
        TABLE, ARTICLES, COMMENTS, PERSONAL_DATA,
        /** The articles table, the images bucket and the comments and guards tables: an import writes all of them. */
        ALL
    }

    /** Opens a chosen target; tests pass one that records what would have been contacted. */
    public interface Opener {
        Target open(TargetChoice choice, Scope scope);
    }

    /** The real targets: {@code localApiFile} for {@code --local}, AWS otherwise. */
    public static Opener opener(Supplier<Path> localApiFile) {
        return (choice, scope) -> choice instanceof TargetChoice.Aws aws
                ? aws(aws.profile(), aws.region(), aws.stack(), aws.names(), scope)
                : local(localApiFile.get());
    }

    /**
     * AWS: credentials from {@code profile} or the default chain, the region from {@code region},
     * the profile or the default chain; names from the flags or, when one that {@code scope} needs
     * is missing, the stack's outputs.
     */
    public static Target aws(String profile, String region, String stack, Names names, Scope scope) {
        AwsCredentialsProvider credentials = profile == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(profile).build();
        Region resolvedRegion = region(profile, region);
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new EditorException(CredentialFailures.explain(e, profile), e);
        }
        String table = names.table();
        String bucket = names.bucket();
        String comments = names.commentsTable();
        String guards = names.guardsTable();
        String notifications = names.notificationsTable();
        boolean complete = switch (scope) {
            case TABLE -> table != null;
            case ARTICLES -> table != null && bucket != null;
            case COMMENTS -> table != null && comments != null && guards != null;
            case PERSONAL_DATA -> table != null && comments != null && guards != null && notifications != null;
            case ALL -> table != null && bucket != null && comments != null && guards != null;
        };
        String apiUrl = null;
        String description = switch (scope) {
            case TABLE -> "table " + table + " in " + resolvedRegion.id();
            case ARTICLES -> "table " + table + " and bucket " + bucket + " in " + resolvedRegion.id();
            case COMMENTS -> "tables " + table + ", " + comments + " and " + guards + " in " + resolvedRegion.id();
            case PERSONAL_DATA -> "tables " + table + ", " + comments + ", " + guards + " and " + notifications + " in "
                    + resolvedRegion.id();
            case ALL -> "tables " + table + ", " + comments + " and " + guards + " and bucket " + bucket + " in " + resolvedRegion.id();
        };
        if (!complete) {
            Map<String, String> outputs = stackOutputs(credentials, resolvedRegion, stack);
            table = table != null ? table : requireOutput(outputs, TABLE_OUTPUT, stack);
            if (scope == Scope.TABLE) {
                description = "stack " + stack + " in " + resolvedRegion.id() + " (table " + table + ")";
            } else if (scope == Scope.ARTICLES) {
                bucket = bucket != null ? bucket : requireOutput(outputs, BUCKET_OUTPUT, stack);
                description = "stack " + stack + " in " + resolvedRegion.id() + " (table " + table + ", bucket " + bucket + ")";
            } else {
                if (scope == Scope.ALL) {
                    bucket = bucket != null ? bucket : requireOutput(outputs, BUCKET_OUTPUT, stack);
                }
                comments = comments != null ? comments : requireOutput(outputs, COMMENTS_TABLE_OUTPUT, stack);
                guards = guards != null ? guards : requireOutput(outputs, GUARDS_TABLE_OUTPUT, stack);
                if (scope == Scope.PERSONAL_DATA) {
                    notifications = notifications != null ? notifications : requireOutput(outputs, NOTIFICATIONS_TABLE_OUTPUT, stack);
                }
                description = "stack " + stack + " in " + resolvedRegion.id() + " (comments table " + comments + ")";
            }
            apiUrl = outputs.get(API_URL_OUTPUT) == null ? null : outputs.get(API_URL_OUTPUT).replaceAll("/+$", "");
        }
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(resolvedRegion).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        S3Client s3 = S3Client.builder().region(resolvedRegion).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new Target(dynamoDb, s3, resolvedRegion.id() + "/" + table, table, bucket, comments, guards, notifications, description, apiUrl);
    }

    private static Region region(String profile, String region) {
        if (region != null) {
            return Region.of(region);
        }
        try {
            if (profile != null) {
                var configured = ProfileFile.defaultProfileFile().profile(profile).flatMap(p -> p.property("region"));
                if (configured.isPresent()) {
                    return Region.of(configured.get());
                }
            }
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new EditorException("no AWS region: pass --region (e.g. --region eu-west-1) or set one with aws configure");
        }
    }

    private static Map<String, String> stackOutputs(AwsCredentialsProvider credentials, Region region, String stack) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(region)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Stack found = cloudFormation.describeStacks(request -> request.stackName(stack)).stacks().get(0);
            Map<String, String> outputs = new HashMap<>();
            for (Output output : found.outputs()) {
                outputs.put(output.outputKey(), output.outputValue());
            }
            return outputs;
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                throw new EditorException("stack " + stack + " not found in " + region.id()
                        + ": deploy it (sam deploy), or pass --stack NAME / --region, or name the tables and bucket with --table and --bucket"
                        + " (--comments-table and --guards-table for comment commands)", e);
            }
            if (e.statusCode() == 403) {
                throw new EditorException("not allowed to read stack " + stack + " (cloudformation:DescribeStacks): attach the stack's"
                        + " EditorPolicy (output EditorPolicyArn), or name the tables and bucket with flags (see --help)", e);
            }
            throw new EditorException("cannot read stack " + stack + " in " + region.id() + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }

    private static String requireOutput(Map<String, String> outputs, String name, String stack) {
        String value = outputs.get(name);
        if (value == null) {
            throw new EditorException("stack " + stack + " has no output " + name
                    + ": is it a Broadsheet stack? Deploy the current template.yaml, or name the tables and bucket with flags (see --help)");
        }
        return value;
    }

    private static boolean reachable(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
