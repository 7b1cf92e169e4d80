package dev.broadsheet.emulators;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running emulators with the template's tables and buckets: their endpoints, the credentials they
 * accept, ready clients, and the environment a function needs to reach them (the variables
 * {@code dev.broadsheet.core.AwsClients} reads). Closing it closes the clients and stops the
 * emulators.
 */
public final class LocalAws implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    /** Obviously local credentials: the emulators accept exactly these; AWS accepts none of them. */
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local-secret";

    private final URI dynamoDbEndpoint;
    private final URI s3Endpoint;
    private final String description;
    private final AutoCloseable emulators;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final S3Presigner s3Presigner;
    private final ResourceNames names;
    private final Map<String, String> secretArns;
    private final LocalSecretsManager secretsManager;
    private final LocalSes ses;

    /** Connects to started emulators and creates the template's resources on them. */
    LocalAws(URI dynamoDbEndpoint, URI s3Endpoint, String description, TemplateResources resources, AutoCloseable emulators,
             int sesPort) {
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.description = description;
        this.emulators = emulators;
        this.dynamoDb = DynamoDbClient.builder()
                .region(REGION)
                .credentialsProvider(credentialsProvider())
                .endpointOverride(dynamoDbEndpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        // Path-style (http://host:port/bucket/key): the emulators do not serve bucket subdomains.
        this.s3 = S3Client.builder()
                .region(REGION)
                .credentialsProvider(credentialsProvider())
                .endpointOverride(s3Endpoint)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.s3Presigner = S3Presigner.builder()
                .region(REGION)
                .credentialsProvider(credentialsProvider())
                .endpointOverride(s3Endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        this.secretArns = resources.secretArns();
        this.secretsManager = LocalSecretsManager.start(secretArns.values());
        LocalSes startedSes = null;
        try {
            startedSes = LocalSes.start(sesPort);
            this.names = resources.create(dynamoDb, s3);
        } catch (RuntimeException e) {
            this.ses = startedSes;
            close();
            throw e;
        }
        this.ses = startedSes;
    }

    public Region region() {
        return REGION;
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public S3Presigner s3Presigner() {
        return s3Presigner;
    }

    /**
     * Logical id (e.g. {@code ArticlesTable}, {@code ImagesBucket}) to local name, for every table
     * and bucket, and to a local ARN for every secret (what a {@code Ref} to it gives).
     */
    public Map<String, String> physicalNames() {
        Map<String, String> all = new LinkedHashMap<>(names.all());
        all.putAll(secretArns);
        return Map.copyOf(all);
    }

    /** The same names, tables and buckets apart. */
    public ResourceNames resourceNames() {
        return names;
    }

    /** The local SES: where mails go, and what was sent. */
    public LocalSes ses() {
        return ses;
    }

    /** What a function's environment needs to reach these emulators. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", REGION.id());
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        // The template's secrets, each a random value per start, served as Secrets Manager serves them.
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString());
        // The SDK's own variable for the sesv2 client (service id "SESv2"): mails go to aws-ses-v2-local.
        environment.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
        return Map.copyOf(environment);
    }

    /** E.g. "dynalite 4.0.0 on http://127.0.0.1:41234 and S3Proxy 4.1.0 on http://127.0.0.1:41235". */
    public String description() {
        return description + "; aws-ses-v2-local " + ses.version() + " on " + ses.endpoint();
    }

    /**
     * Deletes every item of the template's tables and every object of its buckets, for a test that
     * needs an empty start while sharing the emulators of its JVM. The tables and buckets remain.
     */
    public void reset() {
        ResourceCleaner cleaner = new ResourceCleaner(dynamoDb, s3);
        names.tables().values().forEach(cleaner::emptyTable);
        names.buckets().values().forEach(cleaner::emptyBucket);
    }

    @Override
    public void close() {
        s3Presigner.close();
        s3.close();
        dynamoDb.close();
        secretsManager.close();
        if (ses != null) {
            ses.close();
        }
        try {
            emulators.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
