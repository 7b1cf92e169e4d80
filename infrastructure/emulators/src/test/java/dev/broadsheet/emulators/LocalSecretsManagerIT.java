package dev.broadsheet.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulators' Secrets Manager, through the real SDK client, as the functions call it. */
@ExtendWith(EmulatorsExtension.class)
class LocalSecretsManagerIT {

    @Test
    void theTemplatesSecretIsServedByItsArnThroughTheSdk(LocalAws aws) {
        Map<String, String> environment = aws.environment();
        String arn = aws.physicalNames().get("ChallengeSecret");
        try (SecretsManagerClient client = client(URI.create(environment.get("AWS_ENDPOINT_URL_SECRETS_MANAGER")))) {
            String secret = client.getSecretValue(get -> get.secretId(arn)).secretString();
            assertTrue(secret.length() >= 32, secret);
            assertEquals(secret, client.getSecretValue(get -> get.secretId(arn)).secretString(), "one value per start");
            assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(get -> get.secretId(arn + "-other")));
            assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(get -> get.secretId(arn).versionStage("AWSPREVIOUS")),
                    "never rotated: no previous version");
        }
        assertTrue(environment.keySet().stream().noneMatch(name -> name.contains("SECRET") && !name.equals("AWS_SECRET_ACCESS_KEY")
                && !name.equals("AWS_ENDPOINT_URL_SECRETS_MANAGER")), "no secret value in the functions' environment: " + environment.keySet());
    }

    @Test
    void everyStartMakesItsOwnSecret() {
        try (LocalSecretsManager first = LocalSecretsManager.start(List.of("arn:x")); LocalSecretsManager second = LocalSecretsManager.start(List.of("arn:x"));
             SecretsManagerClient one = client(first.endpoint()); SecretsManagerClient two = client(second.endpoint())) {
            assertNotEquals(one.getSecretValue(get -> get.secretId("arn:x")).secretString(),
                    two.getSecretValue(get -> get.secretId("arn:x")).secretString());
        }
    }

    private static SecretsManagerClient client(URI endpoint) {
        return SecretsManagerClient.builder().region(LocalAws.REGION).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
