package dev.broadsheet.comments.handler;

import com.sun.net.httpserver.HttpServer;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.core.Environment;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The challenge secret is read from Secrets Manager through the SDK, by the ARN in
 * {@code CHALLENGE_SECRET_ARN}, once, at the endpoint the SDK's own variable names (here a loopback
 * HTTP server answering the one GetSecretValue call the real client makes).
 */
class ChallengeSecretTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:challenge-AbCdEf";

    @Test
    void theSecretIsReadOnceFromSecretsManagerByItsArn() throws Exception {
        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-amz-target");
            requests.add(target + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"ARN\":\"" + ARN + "\",\"Name\":\"challenge\",\"SecretString\":\"a-generated-secret-of-64-characters\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
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

            Challenges.Keys keys = CommentSettings.keys(new Environment(variables));

            assertEquals(1, requests.size());
            assertTrue(requests.get(0).startsWith("secretsmanager.GetSecretValue "), requests.get(0));
            assertTrue(requests.get(0).contains("\"SecretId\":\"" + ARN + "\""), requests.get(0));
            Challenges.Keys expected = new Challenges.Keys("a-generated-secret-of-64-characters".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(expected.derive("x"), keys.derive("x"));
        } finally {
            server.stop(0);
        }
    }
}
