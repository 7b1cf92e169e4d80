package dev.broadsheet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.broadsheet.local.SampleEmailLink;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.broadsheet.runtime.FunctionConfig;
import dev.broadsheet.runtime.InvocationResult;
import dev.broadsheet.runtime.LambdaRuntime;
import dev.broadsheet.runtime.RuntimeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The events a run gets. Most sample events are used as they are; the comment submission's carries
 * placeholders where a reader's copy of a challenge goes (a real token expires in minutes and is
 * single-use), filled, as {@code SampleEventsIT} fills them, from challenges the template's
 * challenge function issues, through the local runtime, for its own sample event.
 */
final class SampleEvents implements AutoCloseable {

    static final String CHALLENGE_TOKEN = "{{challengeToken}}";
    static final String CHALLENGE_PASSWORD = "{{challengePassword}}";
    static final String CHALLENGE_EVENT = "create-challenge.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionConfig issuer;
    private final byte[] challengeEvent;
    private final RuntimeOptions options;
    private LambdaRuntime issuerRuntime;

    /** @param issuer the function whose sample event is {@code challengeEvent} (CreateChallengeFunction) */
    SampleEvents(FunctionConfig issuer, Path challengeEvent, RuntimeOptions options) {
        this.issuer = issuer;
        this.challengeEvent = read(challengeEvent).getBytes(StandardCharsets.UTF_8);
        this.options = options.withLog((function, line) -> { });
    }

    /**
     * The first event, then one per warm invocation. Usually the sample itself every time. For a
     * comment submission, each its own fresh challenge and, for the warm ones, its own reader (name,
     * email) and address, so that every one is a real, accepted submission — not a replayed token
     * (403), a flood (429) or a duplicate (409). For a challenge, each warm one from its own address:
     * one client may ask for CommentChallengesPerMinute a minute (then 429).
     */
    List<byte[]> forRun(Subject subject, int warmInvocations) throws InterruptedException {
        String text = read(subject.event());
        if (text.contains(SampleEmailLink.PLACEHOLDER)) {
            text = text.replace(SampleEmailLink.PLACEHOLDER, SampleEmailLink.unsubscribeToken(subject.function().environment()));
        }
        boolean challenges = subject.event().getFileName().toString().equals(CHALLENGE_EVENT);
        if (!text.contains(CHALLENGE_TOKEN) && !challenges) {
            return Collections.nCopies(warmInvocations + 1, text.getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> events = new ArrayList<>();
        for (int reader = -1; reader < warmInvocations; reader++) {
            String event = challenges ? fromAddress(text, reader) : submission(text, challenge(reader), reader);
            events.add(event.getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }

    /** The sample submission with a challenge filled in and, for {@code reader >= 0}, another reader. */
    private static String submission(String sample, JsonNode challenge, int reader) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(sample.replace(CHALLENGE_TOKEN, challenge.path("token").asText())
                    .replace(CHALLENGE_PASSWORD, challenge.path("password").asText()));
            if (reader >= 0) {
                ObjectNode body = (ObjectNode) JSON.readTree(event.path("body").asText());
                body.put("author", "Reader " + reader);
                body.put("email", "reader-" + reader + "@example.com");
                event.put("body", JSON.writeValueAsString(body));
            }
            return fromAddress(JSON.writeValueAsString(event), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event, one line of JSON, as sent from the reader's own address (10.x.y.z); for {@code reader < 0} as it is. */
    private static String fromAddress(String eventJson, int reader) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
            if (reader >= 0) {
                String address = "10." + (reader >> 16 & 255) + "." + (reader >> 8 & 255) + "." + (reader & 255);
                ((ObjectNode) event.path("requestContext").path("http")).put("sourceIp", address);
                ((ObjectNode) event.path("headers")).put("x-forwarded-for", address);
            }
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A challenge issued to the reader's address, through the challenge function. */
    private JsonNode challenge(int reader) throws InterruptedException {
        if (issuerRuntime == null) {
            issuerRuntime = LambdaRuntime.start(List.of(issuer), options);
        }
        String event = fromAddress(new String(challengeEvent, StandardCharsets.UTF_8), reader);
        InvocationResult result = issuerRuntime.invoke(issuer.name(), event.getBytes(StandardCharsets.UTF_8));
        try {
            if (result instanceof InvocationResult.Response response) {
                JsonNode answer = JSON.readTree(response.payload());
                if (answer.path("statusCode").asInt() == 201) {
                    return JSON.readTree(answer.path("body").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("Cannot obtain a challenge through " + issuer.name() + ": " + result);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (issuerRuntime != null) {
            issuerRuntime.close();
        }
    }
}
