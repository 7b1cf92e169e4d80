package dev.broadsheet.consistency;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.Json;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.local.seed.SampleArticle;
import dev.broadsheet.template.Intrinsics;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import dev.broadsheet.template.SamTemplate.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample events of {@code events/} (what {@code sam local invoke -e} takes) match the
 * template's routes one to one, and each one, deserialized the way the Lambda runtime does it, is
 * answered by its function's handler against the emulators with the sample article published.
 */
@ExtendWith(EmulatorsExtension.class)
class SampleEventsIT {

    /** Placeholders of events/submit-comment.json, filled with a fresh challenge. */
    private static final String CHALLENGE_TOKEN = "{{challengeToken}}";
    private static final String CHALLENGE_PASSWORD = "{{challengePassword}}";

    private final SamTemplate template = SamTemplate.ofProject();

    private static List<Path> eventFiles() throws Exception {
        try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("events"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyRouteHasAnEventAndEveryEventAnswersToARoute() throws Exception {
        Set<String> routeKeys = new TreeSet<>();
        template.routes().forEach(route -> routeKeys.add(route.method() + " " + route.path()));
        Set<String> eventKeys = new TreeSet<>();
        for (Path file : eventFiles()) {
            JsonNode event = Json.MAPPER.readTree(file.toFile());
            String routeKey = event.path("routeKey").asText();
            assertEquals(routeKey, event.path("requestContext").path("routeKey").asText(), file.toString());
            assertEquals("2.0", event.path("version").asText(), file + " is not a payload 2.0 event");
            assertTrue(routeKeys.contains(routeKey), file + " names " + routeKey + ", not a template route");
            String method = routeKey.substring(0, routeKey.indexOf(' '));
            assertEquals(method, event.path("requestContext").path("http").path("method").asText(), file.toString());
            assertTrue(pathMatches(routeKey.substring(routeKey.indexOf(' ') + 1), event.path("rawPath").asText(),
                    event.path("pathParameters")), file + ": rawPath and pathParameters do not fit " + routeKey);
            eventKeys.add(routeKey);
        }
        assertEquals(routeKeys, eventKeys, "one sample event per route");
    }

    @Test
    void everyEventIsAnsweredByItsHandler(LocalAws aws) throws Exception {
        aws.reset();
        SampleArticle.publish(aws);
        PojoSerializer<APIGatewayV2HTTPEvent> serializer =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());
        List<Path> files = eventFiles();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            APIGatewayV2HTTPEvent event;
            try (InputStream in = Files.newInputStream(file)) {
                event = serializer.fromJson(in);
            }
            FunctionDefinition function = functionFor(event.getRouteKey());
            if (event.getBody() != null && event.getBody().contains(CHALLENGE_TOKEN)) {
                event.setBody(withFreshChallenge(event.getBody(), aws, file));
            }

            APIGatewayV2HTTPResponse response = handler(function, aws).handleRequest(event, null);

            assertTrue(response.getStatusCode() >= 200 && response.getStatusCode() < 400,
                    file + " got " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    /**
     * The comment event carries placeholders where a reader's copy of a challenge goes (a real
     * token expires in minutes and is single-use, so none can be committed): they are filled from
     * a challenge the challenge route's own sample event obtains, as a reader's browser would.
     */
    private String withFreshChallenge(String body, LocalAws aws, Path commentEvent) throws Exception {
        Path challengeEvent = commentEvent.resolveSibling("create-challenge.json");
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(challengeEvent)) {
            event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader()).fromJson(in);
        }
        APIGatewayV2HTTPResponse response = handler(functionFor(event.getRouteKey()), aws).handleRequest(event, null);
        assertEquals(201, response.getStatusCode(), challengeEvent + ": " + response.getBody());
        JsonNode challenge = Json.MAPPER.readTree(response.getBody());
        return body.replace(CHALLENGE_TOKEN, challenge.path("token").asText())
                .replace(CHALLENGE_PASSWORD, challenge.path("password").asText());
    }

    private FunctionDefinition functionFor(String routeKey) {
        for (FunctionDefinition function : template.functions()) {
            for (Route route : function.routes()) {
                if (routeKey.equals(route.method() + " " + route.path())) {
                    return function;
                }
            }
        }
        throw new AssertionError("No function serves " + routeKey);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(FunctionDefinition function,
                                                                                   LocalAws aws) throws Exception {
        Map<String, String> parameters = template.parameterDefaults();
        Map<String, String> variables = new HashMap<>(aws.environment());
        function.environment().forEach((name, value) -> variables.put(name, Intrinsics.resolve(value,
                ref -> parameters.containsKey(ref) ? parameters.get(ref) : aws.physicalNames().get(ref))));
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(function.handlerClass())
                .getConstructor(Environment.class).newInstance(new Environment(variables));
    }

    /** Whether a raw path fits a route path, with the path parameters API Gateway would extract. */
    private static boolean pathMatches(String routePath, String rawPath, JsonNode pathParameters) {
        String[] routeSegments = routePath.substring(1).split("/");
        String[] pathSegments = rawPath.substring(1).split("/", -1);
        List<String> parameterNames = new ArrayList<>();
        for (int i = 0; i < routeSegments.length; i++) {
            String segment = routeSegments[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                String name = segment.substring(1, segment.length() - 2);
                String rest = String.join("/", List.of(pathSegments).subList(i, pathSegments.length));
                parameterNames.add(name);
                return rest.equals(pathParameters.path(name).asText()) && pathParameters.size() == parameterNames.size();
            }
            if (i >= pathSegments.length) {
                return false;
            }
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                parameterNames.add(name);
                if (!pathSegments[i].equals(pathParameters.path(name).asText())) {
                    return false;
                }
            } else if (!segment.equals(pathSegments[i])) {
                return false;
            }
        }
        return pathSegments.length == routeSegments.length && pathParameters.size() == parameterNames.size();
    }
}
