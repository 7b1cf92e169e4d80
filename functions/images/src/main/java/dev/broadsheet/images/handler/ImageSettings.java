package dev.broadsheet.images.handler;

import dev.broadsheet.core.AwsClients;
import dev.broadsheet.core.Environment;
import dev.broadsheet.images.dao.DynamoArticleImageRepository;
import dev.broadsheet.images.signing.PublishedImages;
import dev.broadsheet.images.signing.S3ImageSigner;
import dev.broadsheet.images.signing.UrlLifetime;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Clock;

/** What the image handlers take from their environment, read once at init, and the clients built from it. */
record ImageSettings(String tableName, String bucket, UrlLifetime lifetime) {

    static final String LIFETIME_VARIABLE = "IMAGE_URL_LIFETIME_SECONDS";

    static ImageSettings from(Environment env) {
        return new ImageSettings(env.require("ARTICLES_TABLE"), env.require("IMAGES_BUCKET"),
                new UrlLifetime(env.seconds(LIFETIME_VARIABLE, UrlLifetime.DEFAULT, UrlLifetime.MIN, UrlLifetime.MAX)));
    }

    /** The repository and the signer, built once: the presigner holds no connection and signs offline. */
    PublishedImages publishedImages(Environment env) {
        DynamoDbClient dynamoDb = AwsClients.configure(DynamoDbClient.builder(), "DYNAMODB", AwsClients.httpClient(), env).build();
        AwsCredentialsProvider credentials = AwsClients.credentials(env);
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(AwsClients.region(env))
                .credentialsProvider(credentials);
        URI endpoint = AwsClients.endpoint(env, "S3");
        if (endpoint != null) {
            // Emulators serve http://host:port/bucket/key, not bucket subdomains.
            presigner.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return new PublishedImages(new DynamoArticleImageRepository(dynamoDb, tableName, Clock.systemUTC()),
                new S3ImageSigner(presigner.build(), bucket, credentials, lifetime, Clock.systemUTC()));
    }
}
