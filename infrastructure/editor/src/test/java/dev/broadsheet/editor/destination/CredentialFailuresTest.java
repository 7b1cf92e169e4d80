package dev.broadsheet.editor.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialFailuresTest {

    @Test
    void anExpiredSsoSessionSaysToLogInAgain() {
        SdkClientException wrapped = SdkClientException.create("Unable to load credentials",
                ExpiredTokenException.builder().message("The SSO session associated with this profile has expired").build());

        assertEquals("your IAM Identity Center (SSO) session has expired or was signed out: run aws sso login --profile editor,"
                + " then run this command again", CredentialFailures.explain(wrapped, "editor"));
        assertTrue(CredentialFailures.explain(SdkClientException.create("Token is expired"), null)
                .contains("run aws sso login, then"));
    }

    @Test
    void aRoleThatCannotBeAssumedNamesTheProfilesRole() {
        StsException denied = (StsException) StsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();

        String message = CredentialFailures.explain(SdkClientException.create("assume role failed", denied), "publisher");

        assertTrue(message.startsWith("AWS STS refused to let profile publisher assume its role (AccessDenied)"), message);
    }

    @Test
    void nothingRecognisedMeansNoCredentials() {
        assertEquals("no AWS credentials for profile x: configure credentials with aws configure (or aws configure sso),"
                + " or pass --profile NAME", CredentialFailures.explain(SdkClientException.create("Unable to load"), "x"));
        assertTrue(CredentialFailures.recognised(new IllegalStateException("other"), null).isEmpty());
    }

    /**
     * The SDK's own profile provider, with the sso module on the class path, on an IAM Identity
     * Center profile whose cached token expired yesterday: no network call, the message says
     * {@code aws sso login}.
     */
    @Test
    void theSdksProfileProviderOnAnExpiredSsoTokenGivesTheLoginAdvice(@TempDir Path home) throws Exception {
        String startUrl = "https://example.awsapps.com/start";
        Path config = home.resolve("config");
        Files.writeString(config, """
                [profile editor]
                sso_start_url = %s
                sso_region = eu-west-1
                sso_account_id = 123456789012
                sso_role_name = BroadsheetEditor
                region = eu-west-1
                """.formatted(startUrl));
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(sha1Hex(startUrl) + ".json"), """
                {"startUrl": "%s", "region": "eu-west-1", "accessToken": "expired-token", "expiresAt": "2020-01-01T00:00:00Z"}
                """.formatted(startUrl));
        String originalHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build())
                .profileName("editor").build()) {
            SdkException failure = assertThrows(SdkException.class, provider::resolveCredentials);

            assertTrue(CredentialFailures.explain(failure, "editor").contains("run aws sso login --profile editor"),
                    CredentialFailures.explain(failure, "editor") + " from " + failure);
        } finally {
            System.setProperty("user.home", originalHome);
        }
    }

    private static String sha1Hex(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
