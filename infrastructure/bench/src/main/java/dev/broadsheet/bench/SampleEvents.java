package dev.broadsheet.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BenchFunction> functions;
    private final Path workDir;

    SampleEvents(List<BenchFunction> functions, Path workDir) {
        this.functions = functions;
        this.workDir = workDir;
    }

    /** The event file for one run of the function: its sample, or a filled copy of it. */
    Path forRun(BenchFunction function, String label) {
        String text = read(function.event());
        if (!text.contains(CHALLENGE_TOKEN)) {
            return function.event();
        }
        JsonNode challenge = challenge(function.event().resolveSibling("create-challenge.json"));
        Path filled = workDir.resolve(label + "-" + function.event().getFileName());
        try {
            Files.createDirectories(workDir);
            Files.writeString(filled, text.replace(CHALLENGE_TOKEN, challenge.path("token").asText())
                    .replace(CHALLENGE_PASSWORD, challenge.path("password").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return filled;
    }

    @SuppressWarnings("unchecked")
    private JsonNode challenge(Path challengeEvent) {
        APIGatewayV2HTTPEvent event = Events.fromJson(MiniJson.object(read(challengeEvent)));
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
