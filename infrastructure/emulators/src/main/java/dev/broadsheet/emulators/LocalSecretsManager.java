package dev.broadsheet.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A minimal Secrets Manager on loopback: {@code GetSecretValue} (the JSON 1.1 protocol the SDK
 * speaks, {@code X-Amz-Target: secretsmanager.GetSecretValue}) for the template's secrets, each a
 * random value made at start. Functions reach it exactly as they reach AWS — by the secret's ARN
 * in their environment, through the SDK — with {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} pointing
 * here, so the deployed code has no branch for local runs. Outstanding challenges (minutes) end
 * with a restart; nothing stored depends on the secret, and it is never written anywhere.
 *
 * <p>Requests are refused unless SigV4-signed; signatures are not verified (the server listens on
 * loopback only, and its secrets are as local as it is).
 */
public final class LocalSecretsManager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "secretsmanager.";

    private final HttpServer server;
    private final Map<String, String> secretsByArn;
    private final String versionId = UUID.randomUUID().toString();
    private final Instant created = Instant.now();

    private LocalSecretsManager(HttpServer server, Map<String, String> secretsByArn) {
        this.server = server;
        this.secretsByArn = secretsByArn;
    }

    /** Serves a fresh random secret for each ARN. */
    public static LocalSecretsManager start(Iterable<String> arns) {
        Map<String, String> secrets = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (String arn : arns) {
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            secrets.put(arn, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalSecretsManager manager = new LocalSecretsManager(server, Map.copyOf(secrets));
            server.createContext("/", manager::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "local-secrets-manager");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return manager;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local Secrets Manager: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")) {
                send(exchange, 400, error("UnrecognizedClientException", "The security token included in the request is invalid."));
            } else if (!"POST".equals(exchange.getRequestMethod()) || !(TARGET_PREFIX + "GetSecretValue").equals(target)) {
                send(exchange, 400, error("InvalidRequestException", "The local Secrets Manager answers GetSecretValue only, not " + target));
            } else {
                getSecretValue(exchange, body);
            }
        }
    }

    private void getSecretValue(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            send(exchange, 400, error("SerializationException", "The request body is not JSON."));
            return;
        }
        String id = request == null ? null : request.path("SecretId").asText(null);
        String arn = secretsByArn.containsKey(id) ? id : null;
        if (arn == null) {
            send(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
            return;
        }
        // Each start makes one version, AWSCURRENT: a secret never rotated has no AWSPREVIOUS, as in AWS.
        String stage = request.path("VersionStage").asText("AWSCURRENT");
        if (!stage.equals("AWSCURRENT")) {
            send(exchange, 400, error("ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret value for staging label: " + stage));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ARN", arn);
        answer.put("Name", arn.substring(arn.lastIndexOf(':') + 1));
        answer.put("VersionId", versionId);
        answer.put("SecretString", secretsByArn.get(arn));
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer.put("CreatedDate", created.getEpochSecond());
        send(exchange, 200, answer);
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
