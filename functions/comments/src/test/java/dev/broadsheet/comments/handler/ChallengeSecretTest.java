package dev.broadsheet.comments.handler;

import com.sun.net.httpserver.HttpServer;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The challenge secret is read from Secrets Manager through the SDK, by the ARN in
 * {@code CHALLENGE_SECRET_ARN}, once: its current version and, after a rotation, its previous one,
 * at the endpoint the SDK's own variable names (here a loopback HTTP server answering the
 * GetSecretValue calls the real client makes, as Secrets Manager does: a secret never rotated has no
 * AWSPREVIOUS, 400 ResourceNotFoundException).
 */
class ChallengeSecretTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:challenge-AbCdEf";

    @Test
    void theSecretIsReadOnceFromSecretsManagerByItsArn() throws Exception {
        List<String> requests = new ArrayList<>();

        CommentSettings.Secrets secrets = readWith(requests, null);

        assertEquals(2, requests.size(), requests.toString());
        assertTrue(requests.get(0).startsWith("secretsmanager.GetSecretValue "), requests.get(0));
        assertTrue(requests.get(0).contains("\"SecretId\":\"" + ARN + "\""), requests.get(0));
        assertTrue(requests.get(1).contains("\"VersionStage\":\"AWSPREVIOUS\""), requests.get(1));
        Challenges.Keys expected = new Challenges.Keys("a-generated-secret-of-64-characters".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected.derive("x"), secrets.current().derive("x"));
        assertNull(secrets.previous(), "never rotated");
    }

    @Test
    void afterARotationChallengesHandedOutUnderThePreviousSecretStillWork() throws Exception {
        CommentSettings.Secrets secrets = readWith(new ArrayList<>(), "the-secret-before-the-rotation");
        Challenges before = new Challenges(new Challenges.Keys("the-secret-before-the-rotation".getBytes(StandardCharsets.UTF_8)),
                Duration.ofMinutes(10), Clock.systemUTC());
        Challenges.Challenge handedOut = before.issue("a-story");

        Challenges after = new Challenges(secrets.current(), secrets.previous(), Duration.ofMinutes(10), Clock.systemUTC());
        Challenges afterWithoutPrevious = new Challenges(secrets.current(), Duration.ofMinutes(10), Clock.systemUTC());

        after.verify("a-story", handedOut.token(), handedOut.password());
        assertEquals("https://broadsheet.dev/problems/challenge-wrong-password", assertThrows(ProblemException.class,
                () -> after.verify("a-story", handedOut.token(), "wrong")).problem().type());
        assertEquals("https://broadsheet.dev/problems/challenge-invalid", assertThrows(ProblemException.class,
                () -> afterWithoutPrevious.verify("a-story", handedOut.token(), handedOut.password())).problem().type());
        Challenges.Challenge fresh = after.issue("a-story");
        afterWithoutPrevious.verify("a-story", fresh.token(), fresh.password());
    }

    /** Reads the secrets from a fake Secrets Manager; {@code previous} null for a secret never rotated. */
    private static CommentSettings.Secrets readWith(List<String> requests, String previous) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-amz-target");
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(target + " " + request);
            boolean wantsPrevious = request.contains("AWSPREVIOUS");
            int status = wantsPrevious && previous == null ? 400 : 200;
            String secret = wantsPrevious ? previous : "a-generated-secret-of-64-characters";
            byte[] body = (status == 400
                    ? "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS\"}"
                    : "{\"ARN\":\"" + ARN + "\",\"Name\":\"challenge\",\"SecretString\":\"" + secret + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> variables = new HashMap<>();
            variables.put("CHALLENGE_SECRET_ARN", ARN);
            variables.put("AWS_REGION", "us-east-1");
            variables.put("AWS_ACCESS_KEY_ID", "test");
            variables.put("AWS_SECRET_ACCESS_KEY", "test");
            variables.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:" + server.getAddress().getPort());
            return CommentSettings.secrets(new Environment(variables));
        } finally {
            server.stop(0);
        }
    }
}
