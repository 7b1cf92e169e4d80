package dev.broadsheet.core;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

class AwsClientsTest {

    @Test
    void snapStartUsesTheContainerCredentialsEndpoint() {
        Environment snapStart = new Environment(Map.of("AWS_REGION", "eu-west-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertInstanceOf(ContainerCredentialsProvider.class,
                assertInstanceOf(AwsClients.RenewableCredentials.class, AwsClients.credentials(snapStart)).current());
    }

    @Test
    void afterASnapStartRestoreCachingProvidersStartOverWithAnEmptyCache() {
        Environment snapStart = new Environment(Map.of("AWS_REGION", "eu-west-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials"));
        var credentials = assertInstanceOf(AwsClients.RenewableCredentials.class, AwsClients.credentials(snapStart));
        var beforeSnapshot = credentials.current();

        AwsClients.afterRestore();

        assertNotSame(beforeSnapshot, credentials.current());
        assertInstanceOf(ContainerCredentialsProvider.class, credentials.current());
    }

    @Test
    void onDemandUsesTheFunctionsKeysWithItsSessionToken() {
        Environment onDemand = new Environment(Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_SESSION_TOKEN", "token"));

        var credentials = AwsClients.credentials(onDemand).resolveCredentials();

        assertEquals("id", credentials.accessKeyId());
        assertEquals("token", assertInstanceOf(AwsSessionCredentials.class, credentials).sessionToken());
    }

    @Test
    void elsewhereTheDefaultChainApplies() {
        assertInstanceOf(DefaultCredentialsProvider.class, assertInstanceOf(AwsClients.RenewableCredentials.class,
                AwsClients.credentials(new Environment(Map.of()))).current());
    }

    @Test
    void aServiceEndpointWinsOverTheGeneralOneAndNoneMeansAws() {
        Environment local = new Environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:2"));

        assertEquals(URI.create("http://127.0.0.1:2"), AwsClients.endpoint(local, "DYNAMODB"));
        assertEquals(URI.create("http://127.0.0.1:1"), AwsClients.endpoint(local, "S3"));
        assertNull(AwsClients.endpoint(new Environment(Map.of()), "S3"));
    }
}
