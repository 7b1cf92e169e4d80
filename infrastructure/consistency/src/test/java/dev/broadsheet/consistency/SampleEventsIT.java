package dev.broadsheet.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.broadsheet.core.Json;
import dev.broadsheet.local.LocalApi;
import dev.broadsheet.local.SampleEmailLink;
import dev.broadsheet.local.Settings;
import dev.broadsheet.runtime.InvocationResult;
import dev.broadsheet.template.ProjectFiles;
import dev.broadsheet.template.SamTemplate;
import dev.broadsheet.template.SamTemplate.FunctionDefinition;
import dev.broadsheet.template.SamTemplate.Route;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample events of {@code events/} (what {@code sam local invoke -e} takes) match the
 * template's routes one to one, and each one is answered by its function, run from its deployment
 * jar by the local Lambda runtime, against the emulators with the sample article published.
 */
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
            if (isScheduledEvent(event)) {
                continue;
            }
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

    /** EventBridge's "Scheduled Event": one sample per Schedule event of the template, naming its rule. */
    @Test
    void everyScheduleHasAnEventAndEveryScheduledEventNamesOne() throws Exception {
        Set<String> rules = new TreeSet<>();
        template.schedules().forEach(schedule -> rules.add(schedule.functionId() + "-" + schedule.eventId()));
        Set<String> named = new TreeSet<>();
        for (Path file : eventFiles()) {
            JsonNode event = Json.MAPPER.readTree(file.toFile());
            if (isScheduledEvent(event)) {
                named.add(ruleOf(event));
            }
        }
        assertFalse(rules.isEmpty());
        assertEquals(rules, named, "one sample event per Schedule event");
    }

    private static boolean isScheduledEvent(JsonNode event) {
        return "aws.events".equals(event.path("source").asText()) && "Scheduled Event".equals(event.path("detail-type").asText());
    }

    /** {@code arn:…:rule/<function>-<event>}: the function and event the sample is for. */
    private static String ruleOf(JsonNode event) {
        String arn = event.path("resources").path(0).asText();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /**
     * What ships: each function's deployment jar, in a JVM of its own under the Lambda runtime
     * interface client, with the template's settings, given the event file byte for byte as
     * {@code sam local invoke -e} gives it. A class missing from a jar fails here.
     */
    @Test
    void everyEventIsAnsweredByItsFunctionFromItsDeploymentJar() throws Exception {
        List<Path> files = eventFiles();
        assertFalse(files.isEmpty());
        try (LocalApi api = LocalApi.start(Settings.inMemory())) {
            for (Path file : files) {
                String event = Files.readString(file);
                if (isScheduledEvent(Json.MAPPER.readTree(event))) {
                    String function = ruleOf(Json.MAPPER.readTree(event)).split("-")[0];
                    InvocationResult result = api.lambda().invoke(function, event.getBytes(StandardCharsets.UTF_8));
                    assertTrue(result instanceof InvocationResult.Response, file + ": " + result);
                    continue;
                }
                if (event.contains(CHALLENGE_TOKEN)) {
                    event = withFreshChallenge(event, api, file);
                }
                if (event.contains(SampleEmailLink.PLACEHOLDER)) {
                    Map<String, String> environment = new HashMap<>(api.aws().environment());
                    environment.put("CHALLENGE_SECRET_ARN", api.aws().physicalNames().get("ChallengeSecret"));
                    event = event.replace(SampleEmailLink.PLACEHOLDER, SampleEmailLink.unsubscribeToken(environment));
                }

                JsonNode response = invoke(api, Json.MAPPER.readTree(event).path("routeKey").asText(), event);

                int status = response.path("statusCode").asInt();
                assertTrue(status >= 200 && status < 400, file + " got " + status + ": " + response.path("body").asText());
            }
        }
    }

    /**
     * The comment event carries placeholders where a reader's copy of a challenge goes (a real
     * token expires in minutes and is single-use, so none can be committed): they are filled from
     * a challenge the challenge route's own sample event obtains, as a reader's browser would.
     */
    private String withFreshChallenge(String event, LocalApi api, Path commentEvent) throws Exception {
        Path challengeEvent = commentEvent.resolveSibling("create-challenge.json");
        String json = Files.readString(challengeEvent);
        JsonNode response = invoke(api, Json.MAPPER.readTree(json).path("routeKey").asText(), json);
        assertEquals(201, response.path("statusCode").asInt(), challengeEvent + ": " + response);
        JsonNode challenge = Json.MAPPER.readTree(response.path("body").asText());
        return event.replace(CHALLENGE_TOKEN, challenge.path("token").asText())
                .replace(CHALLENGE_PASSWORD, challenge.path("password").asText());
    }

    private JsonNode invoke(LocalApi api, String routeKey, String event) throws Exception {
        String function = functionFor(routeKey).logicalId();
        InvocationResult result = api.lambda().invoke(function, event.getBytes(StandardCharsets.UTF_8));
        if (result instanceof InvocationResult.Failure failure) {
            throw new AssertionError(function + " failed on " + routeKey + ": " + failure);
        }
        return Json.MAPPER.readTree(((InvocationResult.Response) result).payload());
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
