package dev.broadsheet.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.bench.probe.Events;
import dev.broadsheet.bench.probe.MiniJson;
import dev.broadsheet.core.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The event a probe gets. Most sample events are used as they are; the comment submission's
 * carries placeholders where a reader's copy of a challenge goes (a real token expires in minutes
 * and is single-use), filled, as {@code SampleEventsIT} fills them, from a challenge the challenge
 * route's own sample event ({@code create-challenge.json}) obtains from its handler, in-process.
 */
final class SampleEvents {

    static final String CHALLENGE_TOKEN = "{{challengeToken}}";
    static final String CHALLENGE_PASSWORD = "{{challengePassword}}";
    static final String CHALLENGE_EVENT = "create-challenge.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BenchFunction> functions;
    private final Path workDir;

    SampleEvents(List<BenchFunction> functions, Path workDir) {
        this.functions = functions;
        this.workDir = workDir;
    }

    /**
     * The events of one run. Usually the sample itself, for the first invocation and the warm ones.
     * A comment submission gets a file of events, one a line: the sample with a fresh challenge,
     * then one per warm invocation, each with its own fresh challenge, reader (name, email) and
     * address, so that every warm invocation is a real, accepted submission — not a replayed token
     * (403), a flood (429) or a duplicate (409). A challenge gets a file too: each request from its
     * own address, as the per-client limit (CommentChallengesPerMinute) would refuse one address.
     */
    Path forRun(BenchFunction function, String label, int warmInvocations) {
        String text = read(function.event());
        boolean challenges = function.event().getFileName().toString().equals(CHALLENGE_EVENT);
        if (!text.contains(CHALLENGE_TOKEN) && !challenges) {
            return function.event();
        }
        Path challengeEvent = function.event().resolveSibling(CHALLENGE_EVENT);
        Path file = workDir.resolve(label + "-" + function.event().getFileName().toString().replace(".json", ".jsonl"));
        StringBuilder lines = new StringBuilder();
        try {
            if (challenges) {
                // One address per request: one client may ask for CommentChallengesPerMinute a minute (then 429).
                lines.append(JSON.writeValueAsString(JSON.readTree(text))).append('\n');
                for (int i = 0; i < warmInvocations; i++) {
                    lines.append(fromAddress(text, i)).append('\n');
                }
                Files.createDirectories(workDir);
                Files.writeString(file, lines);
                return file;
            }
            lines.append(submission(text, challenge(challengeEvent, -1), -1)).append('\n');
            for (int i = 0; i < warmInvocations; i++) {
                lines.append(submission(text, challenge(challengeEvent, i), i)).append('\n');
            }
            Files.createDirectories(workDir);
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The sample submission, one line of JSON, with a challenge filled in and, for {@code reader >= 0}, another reader. */
    private static String submission(String sample, JsonNode challenge, int reader) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(sample.replace(CHALLENGE_TOKEN, challenge.path("token").asText())
                .replace(CHALLENGE_PASSWORD, challenge.path("password").asText()));
        if (reader >= 0) {
            ObjectNode body = (ObjectNode) JSON.readTree(event.path("body").asText());
            body.put("author", "Reader " + reader);
            body.put("email", "reader-" + reader + "@example.com");
            event.put("body", JSON.writeValueAsString(body));
            return fromAddress(JSON.writeValueAsString(event), reader);
        }
        return JSON.writeValueAsString(event);
    }

    /** The event, one line of JSON, as sent from the reader's own address (10.x.y.z). */
    private static String fromAddress(String eventJson, int reader) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
        String address = "10." + (reader >> 16 & 255) + "." + (reader >> 8 & 255) + "." + (reader & 255);
        ((ObjectNode) event.path("requestContext").path("http")).put("sourceIp", address);
        ((ObjectNode) event.path("headers")).put("x-forwarded-for", address);
        return JSON.writeValueAsString(event);
    }

    @SuppressWarnings("unchecked")
    private JsonNode challenge(Path challengeEvent, int reader) throws IOException {
        String json = reader < 0 ? read(challengeEvent) : fromAddress(read(challengeEvent), reader);
        APIGatewayV2HTTPEvent event = Events.fromJson(MiniJson.object(json));
        BenchFunction issuer = functions.stream().filter(function -> function.event().equals(challengeEvent)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No function of the template serves " + challengeEvent));
        try {
            var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(issuer.handlerClass())
                    .getConstructor(Environment.class).newInstance(new Environment(issuer.environment()));
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            if (response.getStatusCode() != 201) {
                throw new IllegalStateException(challengeEvent + " got " + response.getStatusCode() + ": " + response.getBody());
            }
            return JSON.readTree(response.getBody());
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("Cannot obtain a challenge through " + issuer.logicalId() + ": " + e, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
