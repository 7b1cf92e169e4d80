package dev.broadsheet.core;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The one place that configures AWS clients, the cheap way for cold starts: the URL-connection
 * HTTP client, the region and credentials given explicitly (no provider-chain probing), and an
 * endpoint override only when configured (emulators, LocalStack), with the SDK's own variable
 * names: {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}), else
 * {@code AWS_ENDPOINT_URL}.
 *
 * <p>Credentials: under SnapStart Lambda provides them through the container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) instead of access-key variables, so that a restored
 * snapshot never carries expired keys (aws-sdk-java-v2 #4312). On demand, the access-key variables
 * of the function's environment are used (they live as long as the execution environment).
 */
public final class AwsClients {

    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";

    private AwsClients() {
    }

    /**
     * Applies region, credentials, HTTP client and endpoint to any SDK client builder.
     *
     * @param service the service's endpoint variable suffix, e.g. {@code DYNAMODB} or {@code S3}
     */
    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service, SdkHttpClient httpClient,
                                                                   Environment env) {
        builder.region(region(env)).credentialsProvider(credentials(env));
        URI endpoint = endpoint(env, service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        return builder;
    }

    public static Region region(Environment env) {
        return Region.of(env.require("AWS_REGION"));
    }

    /** The configured endpoint for a service, or null for the real AWS endpoint. */
    public static URI endpoint(Environment env, String service) {
        String endpoint = env.optional(ENDPOINT_URL + "_" + service);
        if (endpoint == null) {
            endpoint = env.optional(ENDPOINT_URL);
        }
        return endpoint == null ? null : URI.create(endpoint);
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create();
    }

    public static AwsCredentialsProvider credentials(Environment env) {
        if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return renewable(() -> ContainerCredentialsProvider.builder().build());
        }
        if (env.optional("AWS_ACCESS_KEY_ID") != null) {
            return new EnvironmentKeys(env);
        }
        return renewable(() -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * After a SnapStart restore: providers that cache credentials start over, so that no restored
     * copy signs with credentials fetched before the snapshot (SnapStart priming makes real calls).
     */
    static void afterRestore() {
        synchronized (RENEWABLE) {
            RENEWABLE.forEach(RenewableCredentials::renew);
        }
    }

    private static AwsCredentialsProvider renewable(Supplier<AwsCredentialsProvider> factory) {
        RenewableCredentials credentials = new RenewableCredentials(factory);
        RENEWABLE.add(credentials);
        return credentials;
    }

    /** The caching providers handed out, held weakly: each lives as long as the client using it. */
    private static final Set<RenewableCredentials> RENEWABLE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /** A caching provider that can be replaced by a fresh one, its cache empty. */
    static final class RenewableCredentials implements AwsCredentialsProvider {
        private final Supplier<AwsCredentialsProvider> factory;
        private volatile AwsCredentialsProvider current;

        RenewableCredentials(Supplier<AwsCredentialsProvider> factory) {
            this.factory = factory;
            this.current = factory.get();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return current.resolveCredentials();
        }

        AwsCredentialsProvider current() {
            return current;
        }

        void renew() {
            AwsCredentialsProvider previous = current;
            current = factory.get();
            if (previous instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** Access keys from the function's environment, read at each signing. */
    private record EnvironmentKeys(Environment env) implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            String keyId = env.optional("AWS_ACCESS_KEY_ID");
            String secret = env.optional("AWS_SECRET_ACCESS_KEY");
            if (keyId == null || secret == null) {
                throw SdkClientException.create("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set");
            }
            String session = env.optional("AWS_SESSION_TOKEN");
            return session == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, session);
        }
    }
}
